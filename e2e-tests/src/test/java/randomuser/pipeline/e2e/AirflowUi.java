package randomuser.pipeline.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Airflow 3's React UI as a person uses it: the login form, a DAG's page, its Trigger dialog with the form
 * Airflow renders from the DAG's Params, and a run's page. Every step waits explicitly for a stable selector
 * (form field names, ARIA labels and roles): React re-renders the form while it is filled, so elements are
 * always looked up again rather than kept.
 */
final class AirflowUi {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN_STATE_WAIT = Duration.ofSeconds(60);
    private static final By TRIGGER_DAG_BUTTON = By.cssSelector("button[aria-label='Trigger Dag']");
    private static final By OPEN_DIALOG = By.cssSelector("[role=dialog][data-state=open]");
    private static final By DIALOG_TRIGGER_BUTTON =
            By.xpath("//*[@role='dialog' and @data-state='open']//footer//button[normalize-space()='Trigger']");

    private final WebDriver driver;
    private final String baseUrl;
    private final WebDriverWait wait;

    AirflowUi(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    void logIn(String username, String password) {
        driver.get(baseUrl + "/auth/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")))
                .sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/auth/login")));
    }

    void openDag(String dagId) {
        driver.get(baseUrl + "/dags/" + dagId);
        wait.until(ExpectedConditions.elementToBeClickable(TRIGGER_DAG_BUTTON));
    }

    /** Opens the Trigger dialog of the DAG page shown; its Params form is there once this returns. */
    void openTriggerDialog(String firstParam) {
        wait.until(ExpectedConditions.elementToBeClickable(TRIGGER_DAG_BUTTON)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(OPEN_DIALOG));
        wait.until(ExpectedConditions.elementToBeClickable(paramField(firstParam)));
    }

    /** Replaces a number Param's value the way a person does: select all, type, leave the field. */
    void setNumberParam(String param, int value) {
        String text = Integer.toString(value);
        wait.until(ExpectedConditions.elementToBeClickable(paramField(param)))
                .sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
        wait.until(ExpectedConditions.attributeToBe(paramField(param), "value", text));
    }

    void setTextParam(String param, String value) {
        wait.until(ExpectedConditions.elementToBeClickable(paramField(param)))
                .sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
        wait.until(ExpectedConditions.attributeToBe(paramField(param), "value", value));
    }

    /**
     * Picks values of a multi-select Param (rendered from the Param's {@code examples}): types each code into
     * the select's search box and clicks its option ("GB (United Kingdom)").
     */
    void selectMultiParam(String param, List<String> codes) {
        By search = By.cssSelector("#element_" + param + " input[role=combobox]");
        for (String code : codes) {
            wait.until(ExpectedConditions.elementToBeClickable(search)).sendKeys(code);
            By option = By.xpath("//*[@id='element_" + param
                    + "']//*[@role='option' and starts-with(normalize-space(), '" + code + " (')]");
            wait.until(ExpectedConditions.elementToBeClickable(option)).click();
            // The select keeps one hidden input per chosen value, named like the field.
            By chosen = By.cssSelector("input[type=hidden][name='element_" + param + "'][value='" + code + "']");
            wait.until(ExpectedConditions.presenceOfElementLocated(chosen));
        }
    }

    /** Clicks the dialog's Trigger button; Airflow then shows the new run's page, whose path ends with its id. */
    String triggerAndReadRunId(String dagId) {
        wait.until(ExpectedConditions.elementToBeClickable(DIALOG_TRIGGER_BUTTON))
                .click();
        String runPathPrefix = "/dags/" + dagId + "/runs/";
        wait.until(ExpectedConditions.urlContains(runPathPrefix));
        String path = URI.create(driver.getCurrentUrl()).getPath();
        String runId = path.substring(path.indexOf(runPathPrefix) + runPathPrefix.length());
        return runId.contains("/") ? runId.substring(0, runId.indexOf('/')) : runId;
    }

    /** Reloads the run's page until its header shows the state (for example "Success") next to the run id. */
    void awaitRunStateShown(String runId, String state) {
        By badge = By.xpath(
                "//h2[normalize-space()='" + runId + "']/following-sibling::span[normalize-space()='" + state + "']");
        long deadline = System.nanoTime() + RUN_STATE_WAIT.toNanos();
        while (true) {
            driver.navigate().refresh();
            try {
                new WebDriverWait(driver, Duration.ofSeconds(10))
                        .until(ExpectedConditions.visibilityOfElementLocated(badge));
                return;
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(
                            "the page of run " + runId + " did not show the state " + state + " within "
                                    + RUN_STATE_WAIT.toSeconds() + "s (" + driver.getCurrentUrl() + ")",
                            e);
                }
            }
        }
    }

    void screenshot(Path file) throws IOException {
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** A screenshot and the page source, for a person to see where the UI stood when something failed. */
    void saveEvidence(Path dir, String name) {
        try {
            screenshot(dir.resolve(name + ".png"));
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
            System.out.println(
                    "saved " + dir.resolve(name + ".png") + " and .html (page " + driver.getCurrentUrl() + ")");
        } catch (IOException | RuntimeException e) {
            System.out.println("could not save the page as evidence: " + e);
        }
    }

    private static By paramField(String param) {
        return By.name("element_" + param);
    }
}
