package ir.parvaneh.command.infrastructure.axon;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.error.Rejection;
import ir.parvaneh.kernel.identity.Actor;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Around every command handler: a command without a complete actor in its metadata is refused (nobody
 * acts anonymously), and a refusal by a business rule leaves the handler as a
 * {@link CommandExecutionException} whose details carry the {@link Rejection} code, so that the caller
 * gets the same stable code whether the command ran in this JVM or through Axon Server.
 */
public class ActorRequiredInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        try {
            if (Actor.fromMetaData(unitOfWork.getMessage().getMetaData()).isEmpty()) {
                throw new DomainException(ErrorCode.UNAUTHENTICATED,
                        "Command " + unitOfWork.getMessage().getCommandName() + " carries no actor");
            }
            return interceptorChain.proceed();
        } catch (DomainException refused) {
            throw new CommandExecutionException(refused.getMessage(), refused, Rejection.of(refused));
        } catch (AggregateNotFoundException missing) {
            Rejection rejection = new Rejection(ErrorCode.NOT_FOUND.name(),
                    "No aggregate with id " + missing.getAggregateIdentifier());
            throw new CommandExecutionException(rejection.detail(), missing, rejection);
        }
    }
}
