/** Small stroke icons for control buttons; decorative, so every button also carries a name. */
import type { ReactNode } from "react";

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg className="ctl-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export const PlayIcon = () => (
  <Icon>
    <path d="M4.5 2.8v10.4L13 8z" fill="currentColor" />
  </Icon>
);

export const PauseIcon = () => (
  <Icon>
    <rect x="3.5" y="2.8" width="3" height="10.4" rx="0.6" fill="currentColor" />
    <rect x="9.5" y="2.8" width="3" height="10.4" rx="0.6" fill="currentColor" />
  </Icon>
);

export const StepIcon = () => (
  <Icon>
    <path d="M3.5 3.2v9.6L10 8z" fill="currentColor" />
    <rect x="11" y="3.2" width="1.9" height="9.6" rx="0.5" fill="currentColor" />
  </Icon>
);

export const ResetIcon = () => (
  <Icon>
    <path d="M3.2 8a4.8 4.8 0 1 0 1.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    <path d="M2.6 2.4v3.2h3.2" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
  </Icon>
);

export const EndIcon = () => (
  <Icon>
    <path d="M2 3.2v9.6L7.6 8zM7.6 3.2v9.6L13.2 8z" fill="currentColor" />
    <rect x="13.2" y="3.2" width="1.6" height="9.6" rx="0.5" fill="currentColor" />
  </Icon>
);

export const EyeIcon = () => (
  <Icon>
    <path d="M1.2 8S3.8 3.4 8 3.4 14.8 8 14.8 8 12.2 12.6 8 12.6 1.2 8 1.2 8z" fill="none" stroke="currentColor" strokeWidth="1.4" />
    <circle cx="8" cy="8" r="2.1" fill="currentColor" />
  </Icon>
);

export const EyeOffIcon = () => (
  <Icon>
    <path d="M1.2 8S3.8 3.4 8 3.4 14.8 8 14.8 8 12.2 12.6 8 12.6 1.2 8 1.2 8z" fill="none" stroke="currentColor" strokeWidth="1.4" opacity="0.6" />
    <path d="M2.5 13.5l11-11" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
  </Icon>
);

export const CopyIcon = () => (
  <Icon>
    <rect x="5.2" y="5.2" width="8.3" height="8.3" rx="1.4" fill="none" stroke="currentColor" strokeWidth="1.4" />
    <path d="M10.8 3.4V3.2a1.2 1.2 0 0 0-1.2-1.2H3.2A1.2 1.2 0 0 0 2 3.2v6.4a1.2 1.2 0 0 0 1.2 1.2h.2" fill="none" stroke="currentColor" strokeWidth="1.4" />
  </Icon>
);

export const RemoveIcon = () => (
  <Icon>
    <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />
  </Icon>
);

export const PlusIcon = () => (
  <Icon>
    <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
  </Icon>
);
