import { enterLecture } from "./lectureMode";

/** The Classroom toolbar's way into lecture mode (Escape or "Leave lecture" gets out). */
export function LectureButton() {
  return (
    <button type="button" data-lecture-entry onClick={enterLecture} title="Big text, high contrast, full screen; ← → step through the scenes (Esc leaves)">
      Lecture mode
    </button>
  );
}
