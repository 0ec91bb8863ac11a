import { useStore } from "../state/store";
import { Modal } from "./lecture/Modal";

/**
 * Every shortcut the page answers to, in one table: the help overlay lists it, and
 * useKeyboardShortcuts.ts handles the keys (keep the two together when adding one).
 */
export const SHORTCUTS: readonly { keys: string[]; does: string }[] = [
  { keys: ["Space"], does: "Play or pause the race" },
  { keys: ["→"], does: "Take one step (in lecture mode: next scene of the deck)" },
  { keys: ["←"], does: "In lecture mode: previous scene of the deck" },
  { keys: ["R"], does: "Reset the race to step 0" },
  { keys: ["?"], does: "Show this list of shortcuts" },
  { keys: ["Esc"], does: "Leave lecture mode; close a dialog; give up a typed edit" },
  { keys: ["↑", "↓"], does: "In a number box: nudge the value" },
  { keys: ["Enter"], does: "In a number box: apply what was typed" },
  { keys: ["Tab"], does: "Move to the next control (Shift + Tab: the one before); a control reached this way keeps its own keys" },
];

export const POINTER_GESTURES: readonly { gesture: string; does: string }[] = [
  { gesture: "Click the plot", does: "Set the start of every run" },
  { gesture: "Shift-click the plot", does: "Set the start of the selected run" },
  { gesture: "Alt-drag on the plot", does: "Move the start while the race re-runs" },
  { gesture: "Wheel, drag", does: "Zoom and pan the plot" },
];

export function HelpButton() {
  const setHelpOpen = useStore((s) => s.setHelpOpen);
  return (
    <button type="button" onClick={() => setHelpOpen(true)} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
      <span aria-hidden="true">?</span>
    </button>
  );
}

/** The shortcut list, a modal dialog opened by `?` or the Keyboard shortcuts button. */
export function HelpOverlay() {
  const open = useStore((s) => s.helpOpen);
  const setHelpOpen = useStore((s) => s.setHelpOpen);
  const close = () => setHelpOpen(false);
  return (
    <Modal open={open} onClose={close} label="Keyboard shortcuts" className="help">
      <div className="modal-head">
        <h2>Keyboard shortcuts</h2>
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
      <table className="help-table">
        <caption className="visually-hidden">Keys</caption>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.does}>
              <th scope="row">
                {s.keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </th>
              <td>{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>With the mouse</h3>
      <table className="help-table">
        <caption className="visually-hidden">Mouse gestures</caption>
        <tbody>
          {POINTER_GESTURES.map((g) => (
            <tr key={g.gesture}>
              <th scope="row">{g.gesture}</th>
              <td>{g.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
