package ir.parvaneh.query.application;

import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.GetPermitApplication;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Reads an application at least at a given version: right after their own command a client passes the version its
 * receipt named and sees its effect, never the state before it. A subscription query is opened first (so no change
 * can slip between the first read and the wait), then the projector's change notices are awaited for a bounded time.
 */
@Component
class ReadYourWrites {

    /** What was read, and whether it reached the version asked for. */
    record Read(GetPermitApplication.Result result, boolean upToDate) {
    }

    private final QueryGateway queries;
    private final Duration wait;

    ReadYourWrites(QueryGateway queries, @Value("${parvaneh.read-your-writes.wait:PT5S}") Duration wait) {
        this.queries = queries;
        this.wait = wait;
    }

    Read read(String applicationId, Long version) {
        GetPermitApplication query = new GetPermitApplication(applicationId);
        if (version == null) {
            return new Read(queries.query(query, GetPermitApplication.Result.class).join(), true);
        }
        try (SubscriptionQueryResult<GetPermitApplication.Result, GetPermitApplication.Changed> subscription =
                     queries.subscriptionQuery(query, ResponseTypes.instanceOf(GetPermitApplication.Result.class),
                             ResponseTypes.instanceOf(GetPermitApplication.Changed.class))) {
            GetPermitApplication.Result first = subscription.initialResult().block(wait);
            if (reached(first, version)) {
                return new Read(first, true);
            }
            GetPermitApplication.Changed changed = subscription.updates()
                    .filter(update -> update.version() >= version)
                    .next()
                    .timeout(wait)
                    .onErrorResume(TimeoutException.class, late -> Mono.empty())
                    .block();
            GetPermitApplication.Result now = queries.query(query, GetPermitApplication.Result.class).join();
            return new Read(now, changed != null || reached(now, version));
        }
    }

    private static boolean reached(GetPermitApplication.Result result, long version) {
        return result != null && result.application() != null && result.application().version() >= version;
    }
}
