/** The honeypot's name, where the form reads it on sending. */
export const HONEYPOT = 'website';

/**
 * A field people never see or reach, named like one bots love to fill: clipped away rather than
 * `display: none` (which bots learn to skip), out of the tab order, and hidden from assistive
 * technology. Whatever it holds goes to the server as a spam signal.
 */
export function Honeypot() {
  return (
    <div class="trap" aria-hidden="true">
      <input type="text" name={HONEYPOT} tabIndex={-1} autocomplete="off" />
    </div>
  );
}
