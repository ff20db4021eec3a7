package ir.parvaneh.command.infrastructure.axon;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;

/**
 * Lets a handler declare an {@link Actor} parameter: the acting user, read from the message's metadata.
 * Registered through {@code META-INF/services}, so aggregates see it in the application and in Axon's
 * test fixtures alike. A message without a complete actor is refused with {@code UNAUTHENTICATED}.
 */
public class ActorParameterResolverFactory implements ParameterResolverFactory {

    @Override
    public ParameterResolver<Actor> createInstance(Executable executable, Parameter[] parameters, int index) {
        return Actor.class.equals(parameters[index].getType()) ? new ActorResolver() : null;
    }

    private static final class ActorResolver implements ParameterResolver<Actor> {

        @Override
        public Actor resolveParameterValue(Message<?> message) {
            return Actor.fromMetaData(message.getMetaData()).orElseThrow(() -> new DomainException(
                    ErrorCode.UNAUTHENTICATED, "The message carries no actor"));
        }

        @Override
        public boolean matches(Message<?> message) {
            return true;
        }
    }
}
