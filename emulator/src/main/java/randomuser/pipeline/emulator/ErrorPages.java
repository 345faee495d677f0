package randomuser.pipeline.emulator;

/**
 * HTML bodies like those a client of the live API meets when its CDN or proxy fails: nginx pages for
 * 500 and 503, Cloudflare pages for 502 and 504. Only their shape matters: HTML, not JSON.
 */
final class ErrorPages {

    private ErrorPages() {}

    static String nginx(int status, String reason) {
        return "<html>\r\n"
                + "<head><title>" + status + " " + reason + "</title></head>\r\n"
                + "<body>\r\n"
                + "<center><h1>" + status + " " + reason + "</h1></center>\r\n"
                + "<hr><center>nginx</center>\r\n"
                + "</body>\r\n"
                + "</html>\r\n";
    }

    static String cloudflare(int status, String title, String rayId) {
        return "<!DOCTYPE html>\n"
                + "<html class=\"no-js\" lang=\"en-US\">\n"
                + "<head>\n"
                + "<title>randomuser.me | " + status + ": " + title + "</title>\n"
                + "<meta charset=\"UTF-8\" />\n"
                + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\" />\n"
                + "<meta name=\"robots\" content=\"noindex, nofollow\" />\n"
                + "</head>\n"
                + "<body>\n"
                + "<div id=\"cf-wrapper\">\n"
                + "  <div id=\"cf-error-details\">\n"
                + "    <h1><span class=\"inline-block\">" + title + "</span>\n"
                + "    <span class=\"code-label\">Error code " + status + "</span></h1>\n"
                + "    <p>Visit <a href=\"https://www.cloudflare.com/\">cloudflare.com</a> for more information.</p>\n"
                + "  </div>\n"
                + "  <div class=\"cf-error-footer\">\n"
                + "    <p>Cloudflare Ray ID: <strong>" + rayId + "</strong> &bull; Performance &amp; security by "
                + "Cloudflare</p>\n"
                + "  </div>\n"
                + "</div>\n"
                + "</body>\n"
                + "</html>\n";
    }
}
