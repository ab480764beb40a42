// Decorative icons: the buttons they sit in carry the accessible names.
const icon = (d: string, size = 20) => (
  <svg
    width={size}
    height={size}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    <path d={d} />
  </svg>
);

/** A speech bubble, for the launcher. */
export const ChatIcon = () => icon('M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12Z', 22);

/** A cross, for close and remove buttons. */
export const CloseIcon = ({ size = 20 }: { size?: number }) => icon('M6 6l12 12M18 6 6 18', size);

/** A tick in a circle, for the sent state. */
export const SentIcon = () =>
  icon('M8 12.5l2.5 2.5L16 9.5M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z', 40);

/** A head and shoulders, when the rep has no photo. */
export const PersonIcon = () => icon('M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 8a7 7 0 0 1 14 0', 32);
