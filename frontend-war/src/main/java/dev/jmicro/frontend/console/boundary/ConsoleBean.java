package dev.jmicro.frontend.console.boundary;

import dev.jmicro.frontend.broker.control.BrokerCalls;
import dev.jmicro.frontend.broker.entity.Exchange;
import dev.jmicro.frontend.session.control.CurrentCaller;
import dev.jmicro.frontend.session.control.UserSession;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The original system's test page, improved: one button per original test (and encrypt and decrypt), each sending its editable JSON to the
 * broker's original endpoints and showing what went and what came back, newest first. The JSON fields are checked
 * before anything is sent ({@code JsonTextValidator}); the broker's own answer to well-formed but wrong JSON is shown
 * as it comes.
 */
@Named
@ViewScoped
public class ConsoleBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int KEPT = 20;

    @Inject
    BrokerCalls broker;

    @Inject
    CurrentCaller caller;

    @Inject
    UserSession session;

    private String authJson;
    private String logJson = """
            {"action":"log","log":{"name":"event","data":"Some kind of data"}}""";
    private String mailJson =
            """
            {"action":"mail","mail":{"from":"me@example.com","to":"you@there.com","subject":"Test email",\
            "message":"Hello world!"}}""";
    private String grpcJson =
            """
            {"action":"log","log":{"name":"event","data":"Some kind of gRPC data"}}""";
    private String encryptJson =
            """
            {"action":"encrypt","encrypt":{"plaintext":"Some secret text","associated_data":"console"}}""";
    private String decryptJson = decryptOf("press Test Encrypt first: its ciphertext lands here");
    private final List<Exchange> output = new ArrayList<>();
    private Exchange shown;

    @PostConstruct
    void prefill() {
        // The signed-in user's address; the password is a placeholder the page says is one (the user's to type).
        authJson = "{\"action\":\"auth\",\"auth\":{\"email\":\"" + session.getEmail()
                + "\",\"password\":\"your password here\"}}";
    }

    public void hitBroker() {
        record(broker.post(caller.get(), "Broker", "/", null));
    }

    public void auth() {
        record(broker.post(caller.get(), "Auth", "/handle", authJson));
    }

    public void log() {
        record(broker.post(caller.get(), "Log", "/handle", logJson));
    }

    public void mail() {
        record(broker.post(caller.get(), "Mail", "/handle", mailJson));
    }

    public void grpcLog() {
        record(broker.post(caller.get(), "gRPC log", "/log-grpc", grpcJson));
    }

    /** Encrypts; a ciphertext that comes back is put into the decrypt test, ready to send. */
    public void encrypt() {
        Exchange exchange = broker.post(caller.get(), "Encrypt", "/handle", encryptJson);
        exchange.json()
                .map(answer -> answer.getJsonObject("data"))
                .map(data -> data.getString("ciphertext", null))
                .ifPresent(ciphertext -> decryptJson = decryptOf(ciphertext));
        record(exchange);
    }

    public void decrypt() {
        record(broker.post(caller.get(), "Decrypt", "/handle", decryptJson));
    }

    /** The decrypt test's JSON for a ciphertext, with the associated data the encrypt test's default uses. */
    private static String decryptOf(String ciphertext) {
        return Json.createObjectBuilder()
                .add("action", "decrypt")
                .add(
                        "decrypt",
                        Json.createObjectBuilder().add("ciphertext", ciphertext).add("associated_data", "console"))
                .build()
                .toString();
    }

    public void clear() {
        output.clear();
        shown = null;
    }

    private void record(Exchange exchange) {
        output.add(0, exchange);
        shown = null;
        if (output.size() > KEPT) {
            output.remove(KEPT);
        }
    }

    public List<Exchange> getOutput() {
        return output;
    }

    /** Shows an earlier exchange of the output in full again, as it was ({@code index} 0 is the newest). */
    public void reopen(int index) {
        shown = index >= 0 && index < output.size() ? output.get(index) : null;
    }

    /** The exchange shown in full beside the buttons: the one reopened, else the latest. */
    public Exchange getLatest() {
        if (shown != null) {
            return shown;
        }
        return output.isEmpty() ? null : output.get(0);
    }

    public String getAuthJson() {
        return authJson;
    }

    public void setAuthJson(String authJson) {
        this.authJson = authJson;
    }

    public String getLogJson() {
        return logJson;
    }

    public void setLogJson(String logJson) {
        this.logJson = logJson;
    }

    public String getMailJson() {
        return mailJson;
    }

    public void setMailJson(String mailJson) {
        this.mailJson = mailJson;
    }

    public String getEncryptJson() {
        return encryptJson;
    }

    public void setEncryptJson(String encryptJson) {
        this.encryptJson = encryptJson;
    }

    public String getDecryptJson() {
        return decryptJson;
    }

    public void setDecryptJson(String decryptJson) {
        this.decryptJson = decryptJson;
    }

    public String getGrpcJson() {
        return grpcJson;
    }

    public void setGrpcJson(String grpcJson) {
        this.grpcJson = grpcJson;
    }
}
