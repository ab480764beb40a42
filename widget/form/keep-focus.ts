/**
 * For a button that goes away as it acts (Try again, replaced by "Loading..." or a send in
 * flight): focus moves to the dialog's heading first, so it does not fall to the page.
 */
export const focusTitle = ({ currentTarget }: { currentTarget: Element }) =>
  currentTarget.closest('dialog')?.querySelector<HTMLElement>('#title')?.focus();
