import { useId, useState, type InputHTMLAttributes } from "react";

interface DraftFieldProps {
  label: string;
  /** The stored value, shown whenever the user is not mid-edit. */
  value: string;
  /** Null when `text` may be stored, else the message (naming the field and what is allowed). */
  validate(text: string): string | null;
  /** Called with every valid text as it is typed. */
  onValid(text: string): void;
  className: string;
  input?: InputHTMLAttributes<HTMLInputElement>;
}

/**
 * A labelled text box that stores every valid keystroke at once and keeps invalid text
 * in the box with a message, never in the store; Escape (or leaving a valid box) shows
 * the stored value again. Nothing typed is lost and nothing invalid is sent on.
 */
export function DraftField({ label, value, validate, onValid, className, input }: DraftFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const error = draft === null ? null : validate(draft);
  return (
    <div className={`param ${className}`}>
      <label className="param-label" htmlFor={id}>
        {label}
      </label>
      <input
        {...input}
        id={id}
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={draft ?? value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          const t = e.currentTarget.value;
          setDraft(t);
          if (validate(t) === null) onValid(t);
        }}
        onBlur={() => error === null && setDraft(null)}
        onKeyDown={(e) => e.key === "Escape" && setDraft(null)}
      />
      {error && (
        <p className="ctl-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
