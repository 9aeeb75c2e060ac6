package dev.jmicro.localstack.backing;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An SMTP server that keeps every mail it receives (GreenMail), readable over IMAP with any mail client and in a
 * browser through {@link MailViewer}. It accepts any sender, recipient and login.
 */
public final class SmtpBacking implements BackingService {

    private static final long STARTUP_TIMEOUT_MILLIS = 30_000;

    private final GreenMail greenMail;
    private final MailViewer viewer;
    private final int smtpPort;
    private final int imapPort;
    private final List<MimeMessage> earlier = new ArrayList<>();
    private boolean running = true;

    private SmtpBacking(GreenMail greenMail, MailViewer viewer, int smtpPort, int imapPort) {
        this.greenMail = greenMail;
        this.viewer = viewer;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    /** On loopback, for the local run and the tests. */
    public static SmtpBacking start(int smtpPort, int imapPort, int viewerPort) {
        return start(InetAddress.getLoopbackAddress(), smtpPort, imapPort, viewerPort);
    }

    /** On the given address: every address in the containers' stand-in image. */
    public static SmtpBacking start(InetAddress host, int smtpPort, int imapPort, int viewerPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                    setup(host, smtpPort, ServerSetup.PROTOCOL_SMTP), setup(host, imapPort, ServerSetup.PROTOCOL_IMAP)
                })
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        try {
            MailViewer viewer = MailViewer.start(host, viewerPort, () -> List.of(greenMail.getReceivedMessages()));
            return new SmtpBacking(greenMail, viewer, smtpPort, imapPort);
        } catch (RuntimeException e) {
            greenMail.stop();
            throw e;
        }
    }

    /**
     * GreenMail gives a listener 2 s to come up and then fails the whole start; on two busy cores (a CI run with a
     * Liberty server starting next to it) IMAP once took longer, so it gets 30 s.
     */
    private static ServerSetup setup(InetAddress host, int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, host.getHostAddress(), protocol);
        setup.setServerStartupTimeout(STARTUP_TIMEOUT_MILLIS);
        return setup;
    }

    /** Every mail received so far, oldest first, those from before a {@link #pause} included. */
    public synchronized List<MimeMessage> received() {
        List<MimeMessage> all = new ArrayList<>(earlier);
        if (running) {
            all.addAll(List.of(greenMail.getReceivedMessages()));
        }
        return List.copyOf(all);
    }

    /** Stops the SMTP and IMAP servers, as a crashed mail server would; the mails received so far are kept here. */
    public synchronized void pause() {
        if (running) {
            earlier.addAll(List.of(greenMail.getReceivedMessages()));
            greenMail.stop();
            running = false;
        }
    }

    /** Starts them again on the same ports. */
    public synchronized void resume() {
        if (!running) {
            greenMail.start();
            running = true;
        }
    }

    public int smtpPort() {
        return smtpPort;
    }

    public String viewerUrl() {
        return viewer.url();
    }

    @Override
    public Backing kind() {
        return Backing.SMTP;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public String describe() {
        return "smtp://127.0.0.1:" + smtpPort + ", imap://127.0.0.1:" + imapPort + ", mails at " + viewer.url();
    }

    @Override
    public Map<String, String> environment() {
        return Map.of(
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", Integer.toString(smtpPort),
                "SMTP_ENCRYPTION", "none");
    }

    @Override
    public void close() {
        viewer.close();
        greenMail.stop();
    }
}
