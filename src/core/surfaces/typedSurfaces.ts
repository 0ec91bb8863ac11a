/**
 * Importing this module makes typed surfaces available (see formulaSupport.ts for why it is
 * a module of its own): entry points import it for its effect, the page imports it lazily.
 */
import { compileFormula } from "./expression/compileFormula";
import { formulaSurface } from "./expression/formulaSurface";
import { installFormulaSupport } from "./formulaSupport";

installFormulaSupport({ compileFormula, formulaSurface });
