package dev.jmicro.system;

import static dev.jmicro.localstack.testing.Eventually.eventually;
import static dev.jmicro.localstack.testing.Eventually.staysSo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.backing.PrometheusBacking;
import dev.jmicro.localstack.backing.SmtpBacking;
import dev.jmicro.localstack.support.Bodies;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.testing.TestStack;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The front end in a real headless Chromium against the whole local stack: sign-in, every console test, the log
 * browser, the mail composer (the mail arrives at the embedded SMTP server), user administration, the status page with
 * a stopped service, session expiry and sign-out, bad input in every form, the security headers, CSRF and a phone's
 * width. One browser and one stack for all; the tests run in order because they share the signed-in session, and the
 * last one stops services. Screenshots of each page land in {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FrontendBrowserIT {

    /** Sign-ins per person per minute at the broker: above what the other tests need, low enough to reach. */
    private static final int SIGN_IN_LIMIT = 20;

    /** How every page shows a moment. */
    private static final String SHOWN_TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC";

    @RegisterExtension
    static final TestStack STACK = TestStack.of(TestStacks.options("browser")
            // As behind an ingress on this machine: the front end believes X-Forwarded-For from loopback.
            .setting(Service.FRONTEND, "FRONTEND_TRUSTED_PROXIES", "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1")
            .setting(Service.BROKER, "BROKER_SIGNIN_RATE_LIMIT", Integer.toString(SIGN_IN_LIMIT))
            // The status page's charts come from Prometheus where it is installed (the build installs it).
            .prometheus(PrometheusBacking.installed() ? Duration.ofSeconds(2) : null));

    private static LocalStack stack;
    private static Browser browser;
    /** Left by earlier tests for the page tour: a name with two pages of entries, a sent mail's page. */
    private static String pagedName;

    private static String mailPage;

    @BeforeAll
    static void startTheSystemAndABrowser() {
        stack = STACK.stack();
        browser = Browser.open(stack.server(Service.FRONTEND).url());
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void everyPageButSignInNeedsASignedInUser() throws Exception {
        // "" is the root: the server forwards it to the welcome page, which the filter must see too.
        for (String page : List.of("", "index.xhtml", "logs.xhtml", "mail.xhtml", "status.xhtml", "users.xhtml")) {
            browser.go(page);
            assertEquals("/signin.xhtml", browser.path(), "'" + page + "'");
        }
        browser.screenshot("01-signin");
        browser.go("no/such/page");
        assertEquals("Not found", browser.driver().findElement(By.tagName("h1")).getText(), "a page, not JSON");
    }

    @Test
    @Order(2)
    void signInRefusesEmptyFieldsAndAWrongPasswordWithAMessage() {
        browser.go("signin.xhtml");
        browser.press("signin:go");
        assertEquals("Enter your email address", browser.text("signin:email-message"));
        assertEquals("Enter your password", browser.text("signin:password-message"));

        browser.fill("signin:email", LocalStack.ADMIN_EMAIL);
        browser.fill("signin:password", "not-the-password");
        browser.press("signin:go");
        assertTrue(browser.text("messages").contains("Wrong email address or password."), browser.text("messages"));
        assertEquals("/signin.xhtml", browser.path());
    }

    @Test
    @Order(3)
    void signInWithTheKeyboardLandsOnTheConsole() throws Exception {
        signIn();
        assertEquals("/index.xhtml", browser.path());
        assertTrue(browser.text("signout").contains(LocalStack.ADMIN_EMAIL));
        browser.screenshot("02-console-empty");
    }

    @Test
    @Order(4)
    void everyConsoleTestShowsTheJsonSentAndTheJsonReceived() throws Exception {
        browser.go("index.xhtml");
        browser.press("broker:send");
        assertLatest("Broker", "200", "\"message\": \"Hit the broker\"");

        assertTrue(browser.text("auth-note").startsWith("The password is a placeholder"), "labelled as one");
        assertTrue(browser.find("auth:json").getAttribute("value").contains("your password here"));
        browser.fill(
                "auth:json",
                Bodies.object("action", "auth", "auth", stack.adminCredentials())
                        .toString());
        browser.press("auth:send");
        assertLatest("Auth", "202", "\"message\": \"Authenticated!\"");
        assertTrue(browser.text("latest-sent").contains("\"action\": \"auth\""), "the JSON sent, pretty-printed");

        browser.press("log:send");
        assertLatest("Log", "202", "\"message\": \"logged\"");

        SmtpBacking smtp = stack.backing(SmtpBacking.class).orElseThrow();
        int mailsBefore = smtp.received().size();
        browser.press("mail:send");
        assertLatest("Mail", "202", "\"message\": \"Message sent to you@there.com\"");
        awaitMailTo(smtp, mailsBefore, "you@there.com");

        browser.press("grpc:send");
        assertLatest("gRPC log", "202", "\"message\": \"logged\"");

        browser.press("encrypt:send");
        assertLatest("Encrypt", "202", "\"message\": \"encrypted\"");
        String ciphertext = browser.text("latest-received").replaceAll("(?s).*\"ciphertext\": \"([^\"]+)\".*", "$1");
        assertTrue(ciphertext.startsWith("jm1.default."), browser.text("latest-received"));
        assertTrue(browser.find("decrypt:json").getAttribute("value").contains(ciphertext), "ready to decrypt");
        browser.press("decrypt:send");
        assertLatest("Decrypt", "202", "\"plaintext\": \"Some secret text\"");
        browser.press("grpc:send");
        assertLatest("gRPC log", "202", "\"message\": \"logged\"");

        assertEquals(8, browser.all("#output li").size(), "the running output list");
        // One trace from the page request through the broker to the logger's gRPC service.
        String traceId = browser.text("latest-trace");
        TestStacks.awaitTrace(stack, traceId, Set.of("frontend", "broker", "logger"));
        // Every trace id shown links to the trace viewer: the latest exchange's and each output row's.
        assertTrue(browser.find("latest-trace-link").getAttribute("href").endsWith("/zipkin/traces/" + traceId));
        assertEquals(8, browser.all("#output li a.trace").size(), "each output row links its trace");
        for (WebElement when : browser.all("#output li time.when")) {
            assertTrue(when.getText().matches(SHOWN_TIME), "each row says when: " + when.getText());
        }
        // The oldest row, the Broker test, opened in full again.
        List<WebElement> rows = browser.all("#output li");
        browser.press(rows.get(rows.size() - 1)
                .findElement(By.cssSelector("input[type=submit]"))
                .getAttribute("id"));
        assertLatest("Broker", "200", "\"message\": \"Hit the broker\"");
        assertEquals(8, browser.all("#output li").size(), "reopening sends nothing");
        browser.screenshot("03-console-after-every-test");
    }

    @Test
    @Order(5)
    void malformedJsonInTheConsoleIsAMessageAndNothingIsSent() throws Exception {
        browser.go("index.xhtml");
        double entriesBefore = storedEntries();
        browser.fill("log:json", "{\"action\":\"log\",\"log\":{\"name\":\"event\"");
        browser.press("log:send");
        assertTrue(browser.text("log:json-message").startsWith("Not valid JSON"), browser.text("log:json-message"));
        browser.fill("grpc:json", "[1, 2]");
        browser.press("grpc:send");
        assertEquals("Not one JSON object: nothing was sent.", browser.text("grpc:json-message"));
        assertEquals(0, browser.all("#output li").size(), "nothing sent in this view");
        // An AMQP write would have been stored within this time.
        staysSo(Duration.ofSeconds(1), () -> storedEntries() == entriesBefore, "no entry stored");
        browser.screenshot("04-console-bad-json");
    }

    @Test
    @Order(6)
    void theLogBrowserFindsTheEntryJustWrittenAndShowsItInFull() throws Exception {
        String name = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        browser.go("index.xhtml");
        browser.fill(
                "log:json",
                Bodies.object("action", "log", "log", Bodies.object("name", name, "data", "from the browser"))
                        .toString());
        browser.press("log:send");
        assertLatest("Log", "202", "logged");

        browser.go("logs.xhtml");
        browser.fill("filters:name", name);
        browser.press("filters:apply");
        // Over AMQP and the listener: stored within moments; the page is reloaded until then (bounded).
        WebElement link = browser.await(15, driver -> {
            List<WebElement> rows = browser.all("#entries tbody a");
            if (rows.isEmpty()) {
                driver.navigate().refresh();
                return null;
            }
            return rows.get(0);
        });
        assertEquals(name, link.getText());
        assertTrue(browser.text("summary").startsWith("1 entry "), browser.text("summary"));
        link.click();
        assertEquals(name, browser.text("entry-name"));
        assertEquals("from the browser", browser.text("entry-data"));
        browser.screenshot("05-logs-entry");

        browser.go("logs.xhtml?live=true");
        assertEquals("Pause auto-refresh", browser.text("live-toggle"));
        assertEquals(1, browser.all("meta[http-equiv='refresh']").size());
        browser.press("live-toggle");
        assertEquals(0, browser.all("meta[http-equiv='refresh']").size());
    }

    @Test
    @Order(7)
    void theLogBrowserPagesThroughMoreEntriesThanFitOnePage() throws Exception {
        String name = "paged-" + UUID.randomUUID().toString().substring(0, 8);
        URI log = stack.server(Service.LOGGER).url().resolve("log");
        for (int i = 1; i <= 23; i++) {
            String entry = Bodies.object("name", name, "data", "entry " + i).toString();
            assertEquals(202, Http.postJson(log, entry).statusCode());
            Thread.sleep(3); // each its own millisecond: the order is by time (ties by random id)
        }
        browser.go("logs.xhtml?name=" + name);
        assertTrue(browser.text("summary").startsWith("23 entries · page 1 of 2"), browser.text("summary"));
        assertEquals(20, browser.all("#entries tbody tr").size());
        assertEquals("entry 23", browser.all("#entries tbody td.data").get(0).getText(), "newest first");
        assertTrue(browser.all("#newer").isEmpty());
        browser.find("older").click();
        browser.await(10, driver -> browser.text("summary").contains("page 2 of 2"));
        assertEquals(3, browser.all("#entries tbody tr").size());
        assertEquals("entry 1", browser.all("#entries tbody td.data").get(2).getText(), "oldest last");
        assertFalse(browser.all("#newer").isEmpty());
        assertEquals("name=" + name + "&page=2", query(), "only the parameters that have a value");
        assertEquals(
                "2",
                browser.driver()
                        .findElement(By.cssSelector(".pages [aria-current=page]"))
                        .getText());
        browser.driver().findElement(By.cssSelector(".pages a.page-link")).click();
        browser.await(10, driver -> browser.text("summary").contains("page 1 of 2"));

        browser.go("logs.xhtml?name=" + name + "&page=999");
        assertTrue(browser.text("summary").startsWith("23 entries · page 2 of 2"), "past the end: the last page");
        assertEquals("name=" + name + "&page=2", query());
        pagedName = name;
    }

    @Test
    @Order(8)
    void theLogBrowserFindsATextInNameOrDataAndShowsJsonDataIndented() throws Exception {
        String tag = "needle-" + UUID.randomUUID().toString().substring(0, 8);
        URI log = stack.server(Service.LOGGER).url().resolve("log");
        String data = Bodies.object("k", tag, "n", 1).toString(); // JSON as the data, for the indenting
        assertEquals(
                202,
                Http.postJson(
                                log,
                                Bodies.object("name", "search-test", "data", data)
                                        .toString())
                        .statusCode());
        assertEquals(
                202,
                Http.postJson(
                                log,
                                Bodies.object("name", "named-" + tag, "data", "plain")
                                        .toString())
                        .statusCode());
        browser.go("logs.xhtml");
        browser.fill("filters:q", tag);
        browser.press("filters:apply");
        assertEquals("q=" + tag, query(), "no empty parameters in the address");
        browser.await(15, driver -> {
            if (browser.all("#entries tbody tr").size() == 2) {
                return true;
            }
            driver.navigate().refresh();
            return null;
        });
        assertTrue(browser.text("summary").startsWith("2 entries · page 1 of 1 · newest first · times in UTC"));
        for (WebElement time : browser.all("#entries tbody td.time")) {
            assertTrue(time.getText().matches(SHOWN_TIME), time.getText());
        }
        browser.driver().findElement(By.linkText("search-test")).click();
        browser.await(10, driver -> !browser.all("#entry-data").isEmpty());
        assertTrue(query().startsWith("q=" + tag + "&id="), query());
        assertEquals("{\n    \"k\": \"" + tag + "\",\n    \"n\": 1\n}", browser.text("entry-data"), "indented JSON");
        assertTrue(browser.text("entry-created").matches(SHOWN_TIME), browser.text("entry-created"));
        browser.screenshot("05b-logs-search-entry");
    }

    @Test
    @Order(9)
    void theLogFiltersRefuseBadInputWithAMessage() throws Exception {
        browser.go("logs.xhtml?from=yesterday&page=0");
        String messages = browser.text("param-messages");
        assertTrue(messages.contains("Not a date and time"), messages);
        assertTrue(messages.contains("Pages start at 1"), messages);
        assertEquals(0, browser.all("#entries tbody tr").size(), "nothing was asked");

        browser.go("logs.xhtml");
        browser.set("filters:from", "2026-01-02T00:00");
        browser.set("filters:to", "2026-01-01T00:00");
        browser.press("filters:apply");
        assertTrue(browser.text("filters:to-message").contains("after"), browser.text("filters:to-message"));
        browser.screenshot("06-logs-bad-filter");
    }

    @Test
    @Order(10)
    void theMailComposerChecksEveryFieldThenSendsAMailThatArrivesAndFollowsItsDelivery() throws Exception {
        SmtpBacking smtp = stack.backing(SmtpBacking.class).orElseThrow();
        int before = smtp.received().size();
        browser.go("mail.xhtml");
        assertFalse(browser.displayed("mail:first-name"), "the default template has no fields of its own");
        new Select(browser.find("mail:template")).selectByValue("welcome");
        assertTrue(browser.displayed("mail:first-name"), "the welcome template's first name");
        new Select(browser.find("mail:template")).selectByValue("default");
        browser.press("mail:send");
        assertEquals("Enter the recipient's address", browser.text("mail:to-message"));
        assertEquals("Enter a subject", browser.text("mail:subject-message"));
        assertEquals("Enter a message", browser.text("mail:message-message"));
        browser.fill("mail:to", "not-an-address");
        browser.fill("mail:from", "not-one-either");
        browser.fill("mail:subject", "Hello from the browser");
        browser.fill("mail:message", "Sent by the front end's mail composer.");
        browser.press("mail:send");
        assertEquals("Not an email address", browser.text("mail:to-message"));
        assertEquals("Not an email address", browser.text("mail:from-message"));
        assertEquals("true", browser.find("mail:to").getAttribute("aria-invalid"), "screen readers hear it");
        assertEquals("false", browser.find("mail:subject").getAttribute("aria-invalid"));
        assertEquals("Hello from the browser", browser.find("mail:subject").getAttribute("value"), "input kept");
        browser.screenshot("07-mail-invalid");
        assertEquals(before, smtp.received().size(), "nothing sent");

        browser.fill("mail:to", "ann@example.com");
        browser.fill("mail:from", "console@example.com");
        browser.press("mail:send");
        assertEquals("Mail to ann@example.com accepted.", browser.text("accepted"));
        assertEquals("202", browser.text("result-status"));
        assertTrue(query().startsWith("mail="), "the mail's own address: " + query());
        mailPage = "mail.xhtml?" + query();
        assertEquals("", browser.find("mail:to").getAttribute("value"), "the form is empty again");
        assertEquals("", browser.find("mail:subject").getAttribute("value"));
        MimeMessage mail = awaitMailTo(smtp, before, "ann@example.com");
        assertEquals("Hello from the browser", mail.getSubject());
        assertTrue(mail.getFrom()[0].toString().contains("console@example.com"), mail.getFrom()[0].toString());
        // The page looks again by itself until the delivery is final; nobody presses anything.
        browser.await(15, driver -> "sent".equals(browser.textOrNull("delivery-state")));
        assertEquals(0, browser.all("meta[http-equiv='refresh']").size(), "no more checking once sent");
        browser.driver().navigate().refresh();
        assertEquals(before + 1, smtp.received().size(), "a reload does not send it again");
        browser.screenshot("08-mail-sent");
    }

    @Test
    @Order(11)
    void anAdminCreatesChangesResetsDeactivatesReactivatesAndDeletesAUser() throws Exception {
        String email = "ui-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        browser.go("users.xhtml");
        assertEquals("At least 12 characters.", browser.text("create:password-rule"), "the rule before the first try");
        browser.fill("create:email", "nobody");
        browser.press("create:go");
        assertEquals("Not an email address", browser.text("create:email-message"));
        assertEquals("Enter a password", browser.text("create:password-message"));

        browser.fill("create:email", email);
        browser.fill("create:password", "too-short");
        browser.fill("create:first-name", "Ui");
        browser.fill("create:last-name", "Tester");
        browser.press("create:go");
        assertEquals("At least 12 characters are needed", browser.text("create:password-message"), "auth's rule");
        assertEquals(email, browser.find("create:email").getAttribute("value"), "what was typed is kept");
        assertEquals("", browser.find("create:password").getAttribute("value"), "but not the password");
        browser.go("users.xhtml?q=" + email);
        assertEquals(0, browser.all("#users tr.user").size(), "nobody was created");

        browser.go("users.xhtml");
        browser.fill("create:email", email);
        browser.fill("create:password", "a-long-enough-password");
        browser.fill("create:first-name", "Ui");
        browser.fill("create:last-name", "Tester");
        browser.press("create:go");
        assertTrue(browser.text("messages").contains("User " + email + " created."), browser.text("messages"));

        browser.go("users.xhtml?q=" + email.toUpperCase(java.util.Locale.ROOT));
        assertEquals(1, browser.all("#users tr.user").size(), "found by address, any case");
        assertEquals("User", cell(email, "role"));
        assertEquals("active", cell(email, "active"));

        pressInRow(email, "edit");
        browser.fill("edit:last-name", "Renamed");
        browser.find("edit:admin").click();
        browser.press("edit:save");
        assertTrue(browser.text("messages").contains("User " + email + " changed."), browser.text("messages"));
        assertTrue(
                userRow(email).getText().contains("Ui Renamed"), userRow(email).getText());
        assertEquals("Administrator", cell(email, "role"));

        pressInRow(email, "edit");
        browser.fill("edit-password:new-password", "short");
        browser.press("edit-password:set");
        assertEquals("At least 12 characters are needed", browser.text("edit-password:new-password-message"));
        browser.fill("edit-password:new-password", "a brand new password");
        browser.press("edit-password:set");
        assertTrue(browser.text("messages").contains("New password set for " + email), browser.text("messages"));
        assertEquals(200, signInAtTheBroker(email, "a brand new password"), "the new password works");
        assertEquals(401, signInAtTheBroker(email, "a-long-enough-password"), "the old one does not");
        browser.press("edit:cancel");

        pressInRow(email, "deactivate");
        assertEquals(
                "Deactivate " + email + "?",
                userRow(email).findElement(By.cssSelector(".confirm")).getText());
        assertEquals("active", cell(email, "active"), "nothing happens before the confirmation");
        pressInRow(email, "cancel");
        assertEquals("active", cell(email, "active"));
        pressInRow(email, "deactivate");
        pressInRow(email, "confirm");
        assertTrue(browser.text("messages").contains("User " + email + " deactivated."), browser.text("messages"));
        assertEquals("deactivated", cell(email, "active"));
        assertEquals(401, signInAtTheBroker(email, "a brand new password"));
        pressInRow(email, "reactivate");
        assertEquals("active", cell(email, "active"));
        assertEquals(200, signInAtTheBroker(email, "a brand new password"));
        browser.screenshot("09-users");

        pressInRow(email, "delete");
        assertEquals(
                "Delete " + email + "?",
                userRow(email).findElement(By.cssSelector(".confirm")).getText());
        pressInRow(email, "confirm");
        assertTrue(browser.text("messages").contains("User " + email + " deleted."), browser.text("messages"));
        assertEquals(0, browser.all("#users tr.user").size());
    }

    @Test
    @Order(12)
    void anAdminCannotRemoveThemselvesAndUsersArePagedAndFound() throws Exception {
        browser.go("users.xhtml?q=" + LocalStack.ADMIN_EMAIL);
        WebElement own = userRow(LocalStack.ADMIN_EMAIL);
        assertTrue(own.getText().contains("you"), own.getText());
        assertEquals(
                0,
                own.findElements(By.cssSelector("[id$=':deactivate'], [id$=':delete']"))
                        .size(),
                "no self-removal");
        pressInRow(LocalStack.ADMIN_EMAIL, "edit");
        assertTrue(browser.all("[id='edit:admin'], [id='edit:active']").isEmpty(), "nor self-demotion");
        browser.press("edit:cancel");

        String tag = "pg" + UUID.randomUUID().toString().substring(0, 6);
        String token = adminTokenFromTheBroker();
        for (int i = 1; i <= 21; i++) {
            String user = Bodies.object(
                            "email",
                            tag + "-" + i + "@example.com",
                            "first_name",
                            "P",
                            "last_name",
                            "G",
                            "password",
                            "a-long-enough-password")
                    .toString();
            HttpResponse<String> created = Http.send(
                    HttpRequest.newBuilder(stack.server(Service.BROKER).url().resolve("api/users"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(user)));
            assertEquals(201, created.statusCode(), created.body());
        }
        browser.go("users.xhtml?q=" + tag);
        assertTrue(browser.text("summary").startsWith("21 users found · page 1 of 2"), browser.text("summary"));
        assertEquals(20, browser.all("#users tr.user").size());
        browser.find("older").click();
        browser.await(10, driver -> browser.text("summary").contains("page 2 of 2"));
        assertEquals(1, browser.all("#users tr.user").size());
        assertEquals("q=" + tag + "&page=2", query());
        browser.go("users.xhtml?q=" + tag + "&page=50");
        assertEquals("q=" + tag + "&page=2", query(), "past the end: the last page");
    }

    @Test
    @Order(13)
    void pagesCarryTheSecurityHeadersAndLoadNothingFromElsewhere() {
        HttpResponse<String> page =
                Http.get(stack.server(Service.FRONTEND).url().resolve("signin.xhtml"));
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"), policy);
        assertEquals(
                "nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("JMSESSIONID="))
                .findFirst()
                .orElse("no session cookie");
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
        assertFalse(page.body().contains("<script>") || page.body().contains(" onclick="), "no inline script");
        for (String page2 : List.of(
                "index.xhtml", "logs.xhtml", "mail.xhtml", "status.xhtml?live=false", "users.xhtml", "no/such/page")) {
            browser.go(page2);
            for (WebElement element : browser.all("script[src], link[href], img[src]")) {
                String address = element.getAttribute("src") == null
                        ? element.getAttribute("href")
                        : element.getAttribute("src");
                assertTrue(
                        address.startsWith(stack.server(Service.FRONTEND).url().toString()), address);
            }
        }
    }

    @Test
    @Order(14)
    void aFormPostedWithAForgedViewStateChangesNothing() {
        SmtpBacking smtp = stack.backing(SmtpBacking.class).orElseThrow();
        int before = smtp.received().size();
        Cookie session = browser.driver().manage().getCookieNamed("JMSESSIONID");
        String form = "mail=mail&mail%3Ato=eve%40example.com&mail%3Asubject=forged&mail%3Amessage=forged"
                + "&mail%3Atemplate=default&mail%3Asend=Send&mail_SUBMIT=1&jakarta.faces.ViewState=forged";
        HttpResponse<String> answer = Http.send(
                HttpRequest.newBuilder(stack.server(Service.FRONTEND).url().resolve("mail.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "JMSESSIONID=" + session.getValue())
                        .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertTrue(
                answer.body().contains("This form has expired"),
                "a ViewState this session was not given: " + answer.statusCode() + " " + answer.body());
        assertEquals(400, answer.statusCode());
        assertEquals(before, smtp.received().size(), "no mail sent");
    }

    @Test
    @Order(15)
    void everyPageAtADesktopsAndAPhonesWidthFitsPassesTheAccessibilityAuditAndIsPhotographed() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("console", "index.xhtml");
        pages.put("logs", "logs.xhtml?name=" + pagedName);
        pages.put("logs-entry", null); // the first entry of the list above, opened
        pages.put("mail", "mail.xhtml");
        pages.put("mail-sent", mailPage);
        pages.put("status", "status.xhtml?live=false");
        pages.put("users", "users.xhtml");
        pages.put("users-edit", null); // the first user's edit form
        pages.put("not-found", "no/such/page");
        pages.put("expired-form", "expired.xhtml");
        List<String> problems = new ArrayList<>();
        try {
            for (int[] size : List.of(new int[] {1366, 900}, new int[] {390, 844})) {
                browser.resize(size[0], size[1]);
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    if ("logs-entry".equals(page.getKey())) {
                        browser.all("#entries tbody td.name a").get(0).click();
                        browser.await(10, driver -> !browser.all("#entry-data").isEmpty());
                    } else if ("users-edit".equals(page.getKey())) {
                        browser.press(browser.all("#users tr.user [id$=':edit']")
                                .get(0)
                                .getAttribute("id"));
                    } else {
                        browser.go(page.getValue());
                    }
                    String where = page.getKey() + " at " + size[0] + " px";
                    if (!browser.fitsTheWidth()) {
                        problems.add(where + ": scrolls sideways");
                    }
                    browser.accessibilityViolations().forEach(violation -> problems.add(where + ": " + violation));
                    if ("status".equals(page.getKey())) {
                        browser.wordsBrokenIn(".service dd")
                                .forEach(word -> problems.add(where + ": '" + word + "' broken inside"));
                    }
                    browser.screenshot("page-" + page.getKey() + "-" + size[0]);
                }
                browser.driver().manage().deleteCookieNamed("JMSESSIONID");
                browser.go("signin.xhtml");
                browser.accessibilityViolations().forEach(v -> problems.add("sign-in at " + size[0] + " px: " + v));
                if (!browser.fitsTheWidth()) {
                    problems.add("sign-in at " + size[0] + " px: scrolls sideways");
                }
                browser.screenshot("page-signin-" + size[0]);
                signIn();
            }
        } finally {
            browser.resize(1280, 900);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    @Order(16)
    void aSessionThatEndedReturnsToSignInWithAMessageAndSignOutEndsIt() throws Exception {
        Cookie session = browser.driver().manage().getCookieNamed("JMSESSIONID");
        browser.driver().manage().deleteCookieNamed("JMSESSIONID");
        browser.driver().manage().addCookie(new Cookie("JMSESSIONID", "0000gone:nothing", "/"));
        browser.go("logs.xhtml?level=ERROR");
        assertEquals("/signin.xhtml", browser.path());
        assertEquals("Your session has expired. Please sign in again.", browser.text("notice"));
        browser.screenshot("11-session-expired");
        browser.fill("signin:email", LocalStack.ADMIN_EMAIL);
        browser.fill("signin:password", stack.secrets().adminPassword());
        browser.press("signin:go");
        assertEquals("/logs.xhtml", browser.path(), "back to the page asked for");
        assertEquals("level=ERROR", query(), "with its query");

        browser.driver().manage().deleteCookieNamed("JMSESSIONID");
        browser.driver().manage().addCookie(session);
        browser.go("index.xhtml");
        assertEquals("/index.xhtml", browser.path(), "the real session still works");
        browser.press("signout:go");
        assertEquals("You are signed out.", browser.text("notice"));
        browser.go("index.xhtml");
        assertEquals("/signin.xhtml", browser.path());
        // Only a page of this application is returned to: never another site.
        for (String elsewhere : List.of("//evil.example/x", "/\\evil.example", "https://evil.example/")) {
            browser.go("signin.xhtml?next="
                    + java.net.URLEncoder.encode(elsewhere, java.nio.charset.StandardCharsets.UTF_8));
            browser.fill("signin:email", LocalStack.ADMIN_EMAIL);
            browser.fill("signin:password", stack.secrets().adminPassword());
            browser.press("signin:go");
            assertEquals(
                    stack.server(Service.FRONTEND).url().getAuthority(),
                    URI.create(browser.driver().getCurrentUrl()).getAuthority(),
                    elsewhere);
            assertEquals("/index.xhtml", browser.path(), elsewhere);
            browser.driver().manage().deleteCookieNamed("JMSESSIONID");
        }
        signIn();
        browser.go("no/such/page");
        assertEquals("Not found", browser.driver().findElement(By.tagName("h1")).getText());
        assertEquals(
                1, browser.all("nav[aria-label=Main] a[href$='/logs.xhtml']").size(), "the usual navigation");
        assertTrue(browser.text("signout").contains(LocalStack.ADMIN_EMAIL), "and who is signed in");
    }

    @Test
    @Order(17)
    void theSignInLimitCountsEachPersonNotTheFrontEnd() throws Exception {
        browser.forwardedFor("203.0.113.7"); // what the ingress says of the person at this browser
        for (int i = 0; i < SIGN_IN_LIMIT; i++) {
            browser.driver().manage().deleteAllCookies();
            signIn();
        }
        browser.driver().manage().deleteAllCookies();
        browser.go("signin.xhtml");
        browser.fill("signin:email", LocalStack.ADMIN_EMAIL);
        browser.fill("signin:password", stack.secrets().adminPassword());
        browser.press("signin:go");
        assertEquals("/signin.xhtml", browser.path());
        assertTrue(browser.text("messages").contains("too many sign-ins"), browser.text("messages"));
        browser.screenshot("12-signin-rate-limited");

        browser.forwardedFor("203.0.113.8"); // someone else, through the same front end
        signIn();
        assertEquals("/index.xhtml", browser.path());
        browser.forwardedFor(null);
    }

    @Test
    @Order(30)
    void theStatusPageMarksAStoppedServiceDownAndSaysSoWhenTheBrokerIsGone() throws Exception {
        browser.go("status.xhtml");
        for (Service service : Service.values()) {
            String id = "service-" + service.serverName();
            assertTrue(browser.find(id).getAttribute("class").contains("up"), id + ": " + browser.text(id));
        }
        assertTrue(browser.text("checked").contains("again every 5 s"));
        assertTrue(browser.find("last-trace").getAttribute("href").contains("/zipkin/traces/"), "a link to a trace");
        if (PrometheusBacking.installed()) {
            // Request rate, error ratio and p95 of the last 15 minutes, drawn on the server as SVG.
            for (Service service : Service.values()) {
                List<WebElement> lines =
                        browser.find("service-" + service.serverName()).findElements(By.cssSelector(".chart polyline"));
                assertEquals(3, lines.size(), service + " has its three charts");
                for (WebElement line : lines) {
                    assertTrue(line.getAttribute("points").matches("[0-9.]+,[0-9.]+( [0-9.]+,[0-9.]+)*"), service + "");
                }
            }
            assertTrue(browser.text("service-broker").contains("req/s"), browser.text("service-broker"));
        } else {
            assertTrue(browser.text("links-heading").contains("Dashboards"));
            System.out.println("status charts not checked: Prometheus is not installed");
        }
        browser.screenshot("13-status-all-up");

        stack.stop(Service.MAIL);
        browser.go("status.xhtml");
        assertTrue(browser.find("service-mail").getAttribute("class").contains("down"));
        assertTrue(browser.text("service-mail").contains("UNREACHABLE"), browser.text("service-mail"));
        assertTrue(browser.find("service-auth").getAttribute("class").contains("up"));
        assertEquals("Dashboards and traces", browser.text("links-heading"), "the whole page was rendered");
        browser.screenshot("14-status-mail-down");

        stack.stop(Service.BROKER);
        browser.go("status.xhtml");
        assertTrue(browser.text("failure").contains("cannot be reached"), browser.text("failure"));
        browser.go("index.xhtml");
        browser.press("broker:send");
        assertEquals("no answer", browser.text("latest-status"));
        assertTrue(browser.text("latest-received").contains("cannot be reached"), browser.text("latest-received"));
        browser.screenshot("15-console-broker-down");
    }

    private static void signIn() {
        browser.go("signin.xhtml");
        browser.find("signin:email").sendKeys(LocalStack.ADMIN_EMAIL, Keys.TAB);
        browser.driver().switchTo().activeElement().sendKeys(stack.secrets().adminPassword(), Keys.ENTER);
        browser.await(10, driver -> browser.path().equals("/index.xhtml"));
    }

    private static void assertLatest(String title, String status, String received) {
        assertEquals(title, browser.text("latest-title"));
        assertEquals(status, browser.text("latest-status"), browser.text("latest-received"));
        assertTrue(browser.text("latest-received").contains(received), browser.text("latest-received"));
    }

    /** The address's query, as the browser shows it. */
    private static String query() {
        return URI.create(browser.driver().getCurrentUrl()).getRawQuery();
    }

    private static String cell(String email, String css) {
        return userRow(email).findElement(By.cssSelector("td." + css)).getText();
    }

    /** Presses the button of the user's row whose id ends with {@code :action}. */
    private static void pressInRow(String email, String action) {
        browser.press(userRow(email)
                .findElement(By.cssSelector("[id$=':" + action + "']"))
                .getAttribute("id"));
    }

    private static int signInAtTheBroker(String email, String password) {
        return Http.postJson(
                        stack.server(Service.BROKER).url().resolve("api/auth/token"),
                        Bodies.object("email", email, "password", password).toString())
                .statusCode();
    }

    private static String adminTokenFromTheBroker() {
        HttpResponse<String> answer = Http.postJson(
                stack.server(Service.BROKER).url().resolve("api/auth/token"),
                stack.adminCredentials().toString());
        assertEquals(200, answer.statusCode(), answer.body());
        return Http.object(answer).getString("access_token");
    }

    private static WebElement userRow(String email) {
        return browser.all("#users tr.user").stream()
                .filter(row -> row.getText().contains(email))
                .findFirst()
                .orElseThrow(() -> new AssertionError(email + " not listed"));
    }

    /** The logger's count of stored entries, from its metrics. */
    private static double storedEntries() {
        return stack.server(Service.LOGGER).metric("logger_entries_stored_total");
    }

    private static MimeMessage awaitMailTo(SmtpBacking smtp, int before, String to) {
        return eventually(
                        Duration.ofSeconds(15),
                        () -> {
                            List<MimeMessage> received = smtp.received();
                            for (MimeMessage mail : received.subList(before, received.size())) {
                                if (addressedTo(mail, to)) {
                                    return Optional.of(mail);
                                }
                            }
                            return Optional.<MimeMessage>empty();
                        },
                        Optional::isPresent,
                        "a mail to " + to)
                .orElseThrow();
    }

    private static boolean addressedTo(MimeMessage mail, String to) throws MessagingException {
        Address[] recipients = mail.getAllRecipients();
        return recipients != null
                && Arrays.stream(recipients).anyMatch(a -> a.toString().contains(to));
    }
}
