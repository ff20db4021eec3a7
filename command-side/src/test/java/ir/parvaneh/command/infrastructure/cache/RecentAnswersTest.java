package ir.parvaneh.command.infrastructure.cache;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RecentAnswersTest {

    private final AtomicInteger asked = new AtomicInteger();

    private String ask(String key) {
        return key + "#" + asked.incrementAndGet();
    }

    @AfterEach
    void noSynchronizationLeft() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void anAnswerIsKeptWithinItsLifetimeAndAskedAgainAfterIt() {
        RecentAnswers<String, String> kept = new RecentAnswers<>(Duration.ofHours(1));
        assertThat(kept.get("qazvin", this::ask)).isEqualTo("qazvin#1");
        assertThat(kept.get("qazvin", this::ask)).isEqualTo("qazvin#1");
        assertThat(kept.get("takestan", this::ask)).isEqualTo("takestan#2");

        RecentAnswers<String, String> expired = new RecentAnswers<>(Duration.ZERO);
        assertThat(expired.get("qazvin", this::ask)).isEqualTo("qazvin#3");
        assertThat(expired.get("qazvin", this::ask)).isEqualTo("qazvin#4");
    }

    @Test
    void outsideATransactionAChangeIsForgottenAtOnce() {
        RecentAnswers<String, String> answers = new RecentAnswers<>(Duration.ofHours(1));
        answers.get("qazvin", this::ask);
        answers.forgetAfterCommit();
        assertThat(answers.get("qazvin", this::ask)).isEqualTo("qazvin#2");
    }

    @Test
    void insideATransactionTheOldAnswerStandsUntilTheChangeCommits() {
        RecentAnswers<String, String> answers = new RecentAnswers<>(Duration.ofHours(1));
        answers.get("qazvin", this::ask);
        TransactionSynchronizationManager.initSynchronization();
        answers.forgetAfterCommit();
        assertThat(answers.get("qazvin", this::ask)).isEqualTo("qazvin#1");

        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        assertThat(answers.get("qazvin", this::ask)).isEqualTo("qazvin#2");
    }
}
