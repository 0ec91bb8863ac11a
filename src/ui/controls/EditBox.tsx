import type { InputHTMLAttributes } from "react";
import type { TypedEdit } from "./useTypedEdit";

type BoxProps = { id: string; edit: TypedEdit } & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "value">;

/**
 * The text box of a typed edit (useTypedEdit): its text, its handlers, and its message tied
 * to it with aria-invalid and aria-describedby. Other input attributes pass through (and may
 * replace a handler, as Steps does for its keys).
 */
export function EditBox({ id, edit, ...input }: BoxProps) {
  return (
    <input
      type="text"
      autoComplete="off"
      spellCheck={false}
      value={edit.text}
      aria-invalid={edit.error ? true : undefined}
      aria-describedby={edit.error ? `${id}-error` : undefined}
      onChange={edit.onChange}
      onBlur={edit.onBlur}
      onKeyDown={edit.onKeyDown}
      {...input}
      id={id}
    />
  );
}

/** The message an EditBox is described by, shown while its text is invalid. */
export function EditError({ id, edit, floating = false }: { id: string; edit: TypedEdit; floating?: boolean }) {
  if (!edit.error) return null;
  return (
    <p className={floating ? "ctl-error floating" : "ctl-error"} id={`${id}-error`} role="alert">
      {edit.error}
    </p>
  );
}
