import { useId, type InputHTMLAttributes } from "react";
import { useTypedEdit } from "./useTypedEdit";
import { EditBox, EditError } from "./EditBox";

interface DraftFieldProps<T> {
  label: string;
  /** The stored value, shown whenever the user is not mid-edit. */
  value: T;
  format(v: T): string;
  /** The value the text stands for, or the message (naming the field and what is wrong). */
  parse(text: string): { value: T } | { error: string };
  /** Stores a valid value (each one as it is typed). */
  onValid(v: T): void;
  className: string;
  input?: InputHTMLAttributes<HTMLInputElement>;
}

/**
 * A labelled text box under the typed-edit rule (useTypedEdit): every valid keystroke is
 * stored at once; invalid text stays in the box with a message tied to it, and the value
 * from before the edit is in force meanwhile; Escape shows the stored value again.
 */
export function DraftField<T>({ label, value, format, parse, onValid, className, input }: DraftFieldProps<T>) {
  const id = useId();
  const edit = useTypedEdit<T>({ value, format, parse, commit: onValid, live: true });
  return (
    <div className={`param ${className}`}>
      <label className="param-label" htmlFor={id}>
        {label}
      </label>
      <EditBox {...input} id={id} edit={edit} />
      <EditError id={id} edit={edit} />
    </div>
  );
}
