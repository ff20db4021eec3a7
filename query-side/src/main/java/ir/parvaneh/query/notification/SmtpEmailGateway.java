package ir.parvaneh.query.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.nio.charset.StandardCharsets;

/**
 * E-mail over SMTP through Spring's {@link JavaMailSender} ({@code spring.mail.*}). Each message's Message-ID is the
 * outbox row's id, so that a message sent again after a crash (docs/notifications.md) is recognised as the same one
 * by the mail clients that de-duplicate by Message-ID.
 */
class SmtpEmailGateway implements EmailGateway {

    private final JavaMailSender mailSender;
    private final String from;

    SmtpEmailGateway(JavaMailSender mailSender, String from) {
        this.mailSender = mailSender;
        this.from = from;
    }

    @Override
    public boolean available() {
        return mailSender != null;
    }

    @Override
    public void send(String messageId, String address, String subject, String text) {
        if (mailSender == null) {
            throw new DeliveryFailure("No mail server is configured (spring.mail.host)");
        }
        try {
            MimeMessage message = new StableIdMimeMessage(mailSender.createMimeMessage(), messageId);
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(address);
            helper.setSubject(subject);
            helper.setText(text, false);
            mailSender.send(message);
        } catch (MessagingException | MailException e) {
            throw new DeliveryFailure("SMTP did not accept the message: " + e.getMessage(), e);
        }
    }

    /** A MIME message whose Message-ID is the outbox row's, instead of a fresh one on each attempt. */
    private static final class StableIdMimeMessage extends MimeMessage {
        private final String messageId;

        StableIdMimeMessage(MimeMessage session, String messageId) {
            super(session.getSession());
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + messageId + "@parvaneh>");
        }
    }
}
