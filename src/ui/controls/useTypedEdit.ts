import { useRef, useState, type ChangeEvent, type KeyboardEvent } from "react";

/** Answer of a commit: null (or nothing) when the value was taken, else the message saying why not. */
export type CommitResult = string | null | void;

export interface TypedEditOptions<T> {
  /** The stored value (what is in force when nobody is typing). */
  value: T;
  /** How the stored value reads in the box. */
  format(v: T): string;
  /** The value typed text stands for, or the message saying what is wrong with it. */
  parse(text: string): { value: T } | { error: string };
  /** Stores a value; may refuse it with a message (a cross-field rule). */
  commit(v: T): CommitResult;
  /**
   * true: every valid keystroke is stored at once (the race re-runs while typing).
   * false: only Enter or leaving the box stores it (the Steps box: "6" on the way to "6000"
   * must not cut the computed race to 6 steps).
   */
  live: boolean;
  equal?(a: T, b: T): boolean;
}

export interface TypedEdit {
  text: string;
  error: string | null;
  onChange(e: ChangeEvent<HTMLInputElement>): void;
  onBlur(): void;
  onKeyDown(e: KeyboardEvent<HTMLInputElement>): void;
  /** Ends the edit without touching the store (a slider or another control set the value). */
  drop(): void;
}

/**
 * One typed edit of a stored value, with one rule for every box: while typing, text that
 * parses (and the store accepts) may apply live; whenever the text is invalid — mid-typing,
 * after Enter, after leaving the box — the value from before the edit is in force again and
 * the box keeps the text with a message saying exactly what is wrong. Escape gives up the
 * edit. A change of the stored value from elsewhere (another control, a loaded experiment)
 * ends the edit and shows the new value.
 */
export function useTypedEdit<T>({ value, format, parse, commit, live, equal = Object.is }: TypedEditOptions<T>): TypedEdit {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Value in force when the edit began, and the value this box last stored.
  const before = useRef<T>(value);
  const sent = useRef<T>(value);
  const [seen, setSeen] = useState<T>(value);
  if (!equal(seen, value)) {
    setSeen(value);
    if (!equal(sent.current, value)) {
      sent.current = value;
      setDraft(null);
      setError(null);
    }
  }

  const store = (v: T): string | null => {
    const refusal = commit(v) || null;
    if (!refusal) sent.current = v;
    return refusal;
  };
  /** Puts the value from before the edit back in force, if this edit changed it. */
  const restore = () => {
    if (!equal(sent.current, before.current)) store(before.current);
  };
  const end = () => {
    setDraft(null);
    setError(null);
  };
  /** Enter or leaving the box: a valid text is stored (if not already), an invalid one leaves the old value in force. */
  const settle = () => {
    if (draft === null) return;
    const r = parse(draft);
    if ("error" in r) return restore();
    const refusal = equal(sent.current, r.value) ? null : store(r.value);
    if (refusal) {
      setError(refusal);
      restore();
    } else end();
  };

  return {
    text: draft ?? format(value),
    error,
    onChange(e) {
      const t = e.currentTarget.value;
      if (draft === null) before.current = value;
      setDraft(t);
      const r = parse(t);
      if ("error" in r) {
        setError(r.error);
        return restore();
      }
      if (!live) return setError(null);
      const refusal = store(r.value);
      setError(refusal);
      if (refusal) restore();
    },
    onBlur: settle,
    onKeyDown(e) {
      if (e.key === "Enter") settle();
      else if (e.key === "Escape" && draft !== null) {
        restore();
        end();
      }
    },
    drop: end,
  };
}
