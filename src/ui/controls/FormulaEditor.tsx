import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { DIVERGENCE_LIMIT } from "../../core/engine/run";
import { compileSurface, getSurface, type FormulaRef } from "../../core/surfaces";
import type { FormulaError } from "../../core/surfaces/expression/parseFormula";
import { useStore } from "../../state/store";
import { Tex } from "../math/Tex";
import { checkNumber } from "./typedNumber";
import { useTypedEdit } from "./useTypedEdit";
import { EditBox, EditError } from "./EditBox";
import { formulaErrorText } from "../../core/surfaces/formulaSupport";
import "./formulaEditor.css";

/** What "Your own f(x, y)…" starts from before anything was typed (the example). */
export const DEFAULT_FORMULA: FormulaRef = { expression: "sin(x)*cos(y) + 0.1*(x^2 + y^2)", domain: [[-4, 4], [-4, 4]] };

/** Quiet time after the last keystroke before a formula is compiled (one compile per pause, not per key). */
export const FORMULA_DEBOUNCE_MS = 250;

/** The formula as the error shows it: a few characters either side of the one at fault, that one marked. */
function ErrorSnippet({ text, position }: { text: string; position: number }) {
  const i = position - 1;
  const from = Math.max(0, i - 24);
  const to = Math.min(text.length, i + 25);
  return (
    <code className="formula-snippet" aria-hidden="true">
      {from > 0 && "…"}
      {text.slice(from, i)}
      <mark>{i < text.length ? text[i] : "\u2423"}</mark>
      {text.slice(i + 1, to)}
      {to < text.length && "…"}
    </code>
  );
}

/** Sets the typed surface, or says why not: the formula's own error (with where) or the store's refusal. */
function applyFormula(ref: FormulaRef, setSurface: (r: FormulaRef) => string | null): FormulaError | null {
  const compiled = compileSurface(ref);
  if (!compiled.ok) return compiled.error;
  const refusal = setSurface(ref);
  return refusal ? { message: refusal } : null;
}

const BOUND_LABELS = ["x min", "x max", "y min", "y max"] as const;

/**
 * One end of the domain, typed (the project's typed-number rule: plain decimals, the old
 * value in force while the text is not valid). It applies on Enter or on leaving the box,
 * as Steps does: "1" on the way to "10" would otherwise move the view and the starts.
 */
function DomainBound({ index, surface }: { index: number; surface: FormulaRef }) {
  const id = useId();
  const setSurface = useStore((s) => s.setSurface);
  const axis = index < 2 ? 0 : 1;
  const end = index % 2;
  const label = BOUND_LABELS[index];
  const edit = useTypedEdit<number>({
    value: surface.domain[axis][end],
    format: String,
    parse: (t) => checkNumber({ label, kind: "number", min: -DIVERGENCE_LIMIT, max: DIVERGENCE_LIMIT }, t),
    commit: (v) => {
      const range: [number, number] = [...surface.domain[axis]];
      range[end] = v;
      if (range[0] >= range[1]) return `${label}: must be ${end ? "greater" : "less"} than ${BOUND_LABELS[axis * 2 + 1 - end]} (${range[1 - end]})`;
      const domain: FormulaRef["domain"] = axis ? [surface.domain[0], range] : [range, surface.domain[1]];
      const refusal = applyFormula({ expression: surface.expression, domain }, setSurface);
      return refusal && `f(x, y) ${refusal.message}`;
    },
    live: false,
  });
  return (
    <div className="formula-bound">
      <span className="formula-bound-pair">
        <label htmlFor={id}>{label}</label>
        <EditBox id={id} edit={edit} inputMode="decimal" />
      </span>
      <EditError id={id} edit={edit} />
    </div>
  );
}

/**
 * The typed surface's editor: the formula f(x, y), its domain, and the formula as it runs
 * (KaTeX from the compiled surface's LaTeX, printed from the same tree as the code).
 *
 * A formula applies by itself once typing pauses (FORMULA_DEBOUNCE_MS); one that does not
 * compile stays in the box with the message under it (where, and what was expected) while
 * the last good surface keeps racing; Escape puts the last good text back. The text is
 * only ever parsed: what runs is code printed from its checked tree (compileFormula).
 */
export function FormulaEditor({ surface }: { surface: FormulaRef }) {
  const id = useId();
  const setSurface = useStore((s) => s.setSurface);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<FormulaError | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latex = getSurface(surface)?.latex ?? "";

  // A surface set from elsewhere (a link, a scene, Import) ends the edit: the box shows it.
  const [seen, setSeen] = useState(surface.expression);
  if (seen !== surface.expression) {
    setSeen(surface.expression);
    if (draft !== surface.expression) {
      setDraft(null);
      setError(null);
    }
  }

  const cancel = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => cancel, []);

  const apply = (text: string) => {
    cancel();
    const refusal = applyFormula({ expression: text, domain: surface.domain }, setSurface);
    setError(refusal);
    if (!refusal) setDraft(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" && draft !== null) apply(draft);
    else if (e.key === "Escape" && (draft !== null || error)) {
      cancel();
      setDraft(null);
      setError(null);
    }
  };

  const text = draft ?? surface.expression;
  const errorId = `${id}-error`;
  return (
    <div className="formula-editor" role="group" aria-label="Your own surface">
      <div className="formula-field">
        <label htmlFor={id}>f(x, y)</label>
        <span aria-hidden="true">=</span>
        <input
          id={id}
          type="text"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            const t = e.currentTarget.value;
            setDraft(t);
            cancel();
            timer.current = setTimeout(() => apply(t), FORMULA_DEBOUNCE_MS);
          }}
          onBlur={() => timer.current !== null && draft !== null && apply(draft)}
          onKeyDown={onKeyDown}
        />
      </div>
      <div className="formula-domain">
        {BOUND_LABELS.map((_, i) => (
          <DomainBound key={i} index={i} surface={surface} />
        ))}
      </div>
      <Tex className="formula-tex" tex={`f(x, y) = ${latex}`} />
      {error && (
        <div className="formula-error" id={errorId} role="alert">
          <p className="ctl-error">
            f(x, y){" "}
            {formulaErrorText(error)}
            {". "}
            <span className="ctl-muted">The last good formula keeps racing; Escape puts it back.</span>
          </p>
          {error.position !== undefined && <ErrorSnippet text={text} position={error.position} />}
        </div>
      )}
    </div>
  );
}
