import { useId, type KeyboardEvent } from "react";
import { MAX_BROWSER_STEPS } from "../../state/engine";
import { useStore } from "../../state/store";
import { checkNumber } from "./typedNumber";
import { useTypedEdit } from "./useTypedEdit";
import { EditBox, EditError } from "./EditBox";

const stepsSpec = { label: "Steps", kind: "integer", min: 1, max: MAX_BROWSER_STEPS } as const;

/**
 * The race's horizon. Unlike the parameter boxes it is stored only on Enter or on leaving
 * the box: typing "6000" passes through "6", and storing that would cut the computed race
 * to 6 steps on the way. Invalid text leaves the old horizon in force, with the message.
 */
export function StepsField() {
  const id = useId();
  const steps = useStore((s) => s.experiment.steps);
  const setSteps = useStore((s) => s.setSteps);
  const edit = useTypedEdit<number>({ value: steps, format: String, parse: (t) => checkNumber(stepsSpec, t), commit: setSteps, live: false });

  // A spinbutton's arrows: one step more or less, stored at once.
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if ((e.key === "ArrowUp" || e.key === "ArrowDown") && !edit.error) {
      e.preventDefault();
      edit.drop();
      setSteps(Math.min(MAX_BROWSER_STEPS, Math.max(1, steps + (e.key === "ArrowUp" ? 1 : -1))));
    } else edit.onKeyDown(e);
  };

  return (
    <div className="steps-field">
      <label htmlFor={id}>Steps</label>
      <EditBox id={id} edit={edit} role="spinbutton" inputMode="numeric" aria-valuenow={steps} aria-valuemin={1} aria-valuemax={MAX_BROWSER_STEPS} onKeyDown={onKeyDown} />
      <EditError id={id} edit={edit} floating />
    </div>
  );
}
