package randomuser.pipeline.composecheck;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** The {@code <properties>} of the parent pom: where every version of the product is pinned once. */
final class PomProperties {

    private final Map<String, String> values;

    private PomProperties(Map<String, String> values) {
        this.values = values;
    }

    static PomProperties of(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(pom.toFile());
            Map<String, String> values = new HashMap<>();
            for (Node section = document.getDocumentElement().getFirstChild();
                    section != null;
                    section = section.getNextSibling()) {
                if (section instanceof Element element && element.getTagName().equals("properties")) {
                    for (Node property = element.getFirstChild();
                            property != null;
                            property = property.getNextSibling()) {
                        if (property instanceof Element entry) {
                            values.put(
                                    entry.getTagName(), entry.getTextContent().trim());
                        }
                    }
                }
            }
            return new PomProperties(values);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("cannot read the properties of " + pom, e);
        }
    }

    String get(String name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("pom.xml has no property " + name);
        }
        return value;
    }
}
