/**
 * Parvaneh's published language: the commands, events, queries and value objects that the command side,
 * the query side and any other client share. Plain Java records; no Spring, no persistence. Every
 * message is a contract: change an event only by adding a new {@code @Revision} and an upcaster.
 */
package ir.parvaneh.kernel;
