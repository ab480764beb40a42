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

/** A cross, for close and remove buttons. */
export const CloseIcon = ({ size = 20 }: { size?: number }) => icon('M6 6l12 12M18 6 6 18', size);

/** A tick in a circle, for the sent state. */
export const SentIcon = () =>
  icon('M8 12.5l2.5 2.5L16 9.5M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z', 40);
