package dev.jmicro.localstack.backing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClients;
import dev.jmicro.localstack.StackOptions;
import dev.jmicro.localstack.support.Ports;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.ConnectionOptions;
import org.apache.qpid.protonj2.client.Delivery;
import org.apache.qpid.protonj2.client.Receiver;
import org.apache.qpid.protonj2.client.ReceiverOptions;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each embedded backing service, started for real and used through the client a service would use. */
class EmbeddedBackingServicesTest {

    @TempDir
    Path dir;

    @Test
    void postgresCreatesTheDatabaseAndKeepsDataAcrossRestarts() throws Exception {
        int port = Ports.free();
        try (PostgresBacking postgres = PostgresBacking.embedded(dir.resolve("pg"), port, "auth");
                var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
                var statement = connection.createStatement()) {
            statement.execute("create table kept(id int)");
            statement.execute("insert into kept values (42)");
            assertEquals("auth", postgres.environment().get("DB_NAME"));
        }
        assertTrue(Ports.isFree(port), "postgres released its port when closed");

        try (PostgresBacking postgres = PostgresBacking.embedded(dir.resolve("pg"), Ports.free(), "auth");
                var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
                var rows = connection.createStatement().executeQuery("select id from kept")) {
            assertTrue(rows.next(), "row survived the restart");
            assertEquals(42, rows.getInt(1));
        }
    }

    @Test
    void mongoStoresAndFindsDocuments() {
        try (MongoBacking mongo = MongoBacking.start(Ports.free());
                var client = MongoClients.create(mongo.url())) {
            var logs = client.getDatabase("logs").getCollection("logs");
            logs.insertOne(new Document("name", "event").append("data", "hello"));

            Document found = logs.find(new Document("name", "event")).first();
            assertNotNull(found, "document found");
            assertEquals("hello", found.getString("data"));
            assertEquals("logs", mongo.environment().get("JNOSQL_DOCUMENT_DATABASE"));
        }
    }

    @Test
    void amqpRoutesByTopicAndDeadLettersRejectedMessages() throws Exception {
        AmqpTopology topology = AmqpTopology.read(StackOptions.findRoot().resolve("docker/rabbitmq/definitions.json"));
        try (AmqpBacking amqp = AmqpBacking.embedded(dir.resolve("artemis"), Ports.free(), topology);
                Client client = Client.create();
                Connection connection = client.connect(
                        amqp.host(),
                        amqp.port(),
                        new ConnectionOptions().user("guest").password("guest"))) {
            connection
                    .openSender("logs_topic.log.INFO")
                    .send(org.apache.qpid.protonj2.client.Message.create("{\"name\":\"a\",\"data\":\"b\"}"))
                    .awaitSettlement(5, TimeUnit.SECONDS);
            connection
                    .openSender("logs_topic.audit.INFO")
                    .send(org.apache.qpid.protonj2.client.Message.create("not for the log queue"))
                    .awaitSettlement(5, TimeUnit.SECONDS);

            // Settle by hand, as the listener will: a receiver accepts on arrival unless told otherwise.
            ReceiverOptions manual = new ReceiverOptions().autoAccept(false);
            Receiver events = connection.openReceiver("logs_topic.log.#::log_events", manual);
            Delivery delivery = events.receive(10, TimeUnit.SECONDS);
            assertNotNull(delivery, "the log.INFO event reached the log queue");
            assertEquals("{\"name\":\"a\",\"data\":\"b\"}", delivery.message().body());
            delivery.reject("poison", "cannot be stored");
            assertNull(events.receive(500, TimeUnit.MILLISECONDS), "the other routing key was not delivered here");

            Receiver dead = connection.openReceiver("logs_dlx::log_events.dead", manual);
            Delivery deadLettered = dead.receive(10, TimeUnit.SECONDS);
            assertNotNull(deadLettered, "the rejected message reached the dead-letter queue");
            assertEquals(
                    "{\"name\":\"a\",\"data\":\"b\"}", deadLettered.message().body());
            deadLettered.accept();
        }
    }

    @Test
    void smtpKeepsMailsAndTheViewerShowsThemEscaped() throws Exception {
        try (SmtpBacking smtp = SmtpBacking.start(Ports.free(), Ports.free(), Ports.free())) {
            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", Integer.toString(smtp.smtpPort()));
            MimeMessage mail = new MimeMessage(Session.getInstance(props));
            mail.setFrom(new InternetAddress("me@example.com"));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress("you@example.com"));
            mail.setSubject("Hello <b>there</b>");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("plain body");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent("<p style=\"color:red\">html body</p>", "text/html; charset=utf-8");
            mail.setContent(new MimeMultipart("alternative", text, html));
            Transport.send(mail);

            assertEquals(1, smtp.received().size(), "one mail received");
            HttpClient http = HttpClient.newHttpClient();
            String json = http.send(
                            HttpRequest.newBuilder(URI.create(smtp.viewerUrl() + "api/mails"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertTrue(json.contains("\"subject\":\"Hello <b>there</b>\""), json);
            assertTrue(json.contains("plain body") && json.contains("html body"), json);

            String page = http.send(
                            HttpRequest.newBuilder(URI.create(smtp.viewerUrl())).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertTrue(page.contains("Hello &lt;b&gt;there&lt;/b&gt;"), "subject escaped in the page");

            HttpResponse<String> htmlPart = http.send(
                    HttpRequest.newBuilder(URI.create(smtp.viewerUrl() + "mails/0"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("<p style=\"color:red\">html body</p>", htmlPart.body());
            assertEquals(
                    "sandbox",
                    htmlPart.headers().firstValue("Content-Security-Policy").orElse(""));
            assertEquals(
                    404,
                    http.send(
                                    HttpRequest.newBuilder(URI.create(smtp.viewerUrl() + "mails/7"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode());
        }
    }
}
