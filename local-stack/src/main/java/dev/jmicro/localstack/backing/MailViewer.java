package dev.jmicro.localstack.backing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A read-only web page of the mails the embedded SMTP server received: {@code /} lists them, {@code /mails/N} shows
 * the HTML part of mail N as it was sent, {@code /api/mails} gives all of them as JSON. Written by hand because the
 * containers' Mailpit has no embeddable Java counterpart; it is a viewer for a laptop, not a mail client.
 */
final class MailViewer implements AutoCloseable {

    /** The parts of a mail a person wants to see. */
    record Mail(String from, String to, String subject, String text, String html) {}

    private final HttpServer server;

    private MailViewer(HttpServer server) {
        this.server = server;
    }

    static MailViewer start(InetAddress host, int port, Supplier<List<MimeMessage>> mails) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
            server.createContext(
                    "/api/mails", exchange -> HttpAnswers.send(exchange, 200, "application/json", json(read(mails))));
            server.createContext("/mails/", exchange -> showHtmlPart(exchange, read(mails)));
            server.createContext("/", exchange -> HttpAnswers.send(exchange, 200, "text/html", page(read(mails))));
            server.start();
            return new MailViewer(server);
        } catch (IOException e) {
            throw new IllegalStateException("mail viewer cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static List<Mail> read(Supplier<List<MimeMessage>> mails) {
        return mails.get().stream().map(MailViewer::toMail).toList();
    }

    static Mail toMail(MimeMessage message) {
        try {
            String[] parts = new String[2];
            collectParts(message, parts);
            return new Mail(
                    addresses(message.getFrom()),
                    addresses(message.getRecipients(Message.RecipientType.TO)),
                    message.getSubject(),
                    parts[0],
                    parts[1]);
        } catch (MessagingException | IOException e) {
            return new Mail("?", "?", "unreadable mail: " + e.getMessage(), null, null);
        }
    }

    /** Finds the first text/plain (parts[0]) and text/html (parts[1]) anywhere in the MIME tree. */
    private static void collectParts(Part part, String[] parts) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && parts[0] == null) {
            parts[0] = part.getContent().toString();
        } else if (part.isMimeType("text/html") && parts[1] == null) {
            parts[1] = part.getContent().toString();
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collectParts(child, parts);
            }
        }
    }

    private static String addresses(jakarta.mail.Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        return Arrays.stream(addresses)
                .map(a -> a instanceof InternetAddress internet ? internet.toUnicodeString() : a.toString())
                .collect(Collectors.joining(", "));
    }

    private static String json(List<Mail> mails) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Mail mail : mails) {
            array.add(Json.createObjectBuilder()
                    .add("from", mail.from())
                    .add("to", mail.to())
                    .add("subject", String.valueOf(mail.subject()))
                    .add("text", String.valueOf(mail.text()))
                    .add("html", String.valueOf(mail.html())));
        }
        return array.build().toString();
    }

    private static String page(List<Mail> mails) {
        StringBuilder rows = new StringBuilder();
        for (int i = mails.size() - 1; i >= 0; i--) {
            Mail mail = mails.get(i);
            rows.append("<tr><td>")
                    .append(escape(mail.from()))
                    .append("</td><td>")
                    .append(escape(mail.to()))
                    .append("</td><td>")
                    .append(
                            mail.html() == null
                                    ? escape(mail.subject())
                                    : "<a href=\"/mails/" + i + "\">" + escape(mail.subject()) + "</a>")
                    .append("</td><td><pre>")
                    .append(escape(mail.text()))
                    .append("</pre></td></tr>\n");
        }
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Local mails</title>"
                + "<meta http-equiv=\"refresh\" content=\"5\"></head><body><h1>Mails received ("
                + mails.size() + ")</h1><table border=\"1\" cellpadding=\"4\"><tr><th>From</th><th>To</th>"
                + "<th>Subject (HTML part)</th><th>Plain text</th></tr>\n" + rows + "</table></body></html>";
    }

    private static void showHtmlPart(HttpExchange exchange, List<Mail> mails) throws IOException {
        String index = exchange.getRequestURI().getPath().substring("/mails/".length());
        if (!index.matches("\\d{1,9}")
                || Integer.parseInt(index) >= mails.size()
                || mails.get(Integer.parseInt(index)).html() == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        // A sandboxed page: the mail's HTML runs no script and cannot reach the viewer.
        exchange.getResponseHeaders().add("Content-Security-Policy", "sandbox");
        HttpAnswers.send(
                exchange, 200, "text/html", mails.get(Integer.parseInt(index)).html());
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
