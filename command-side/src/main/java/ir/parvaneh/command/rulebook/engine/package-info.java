/**
 * The rulebook engine, a plain Java library (no Spring, no database): {@link ir.parvaneh.command.rulebook.engine.RulebookCompiler}
 * checks a rulebook's manifest and DMN files and compiles them once with Operaton's DMN engine;
 * {@link ir.parvaneh.command.rulebook.engine.CompiledRulebook} evaluates assessments, fees and planners' questions.
 * See docs/rulebooks.md for the format and the checks.
 */
package ir.parvaneh.command.rulebook.engine;
