import { useEffect, useState } from 'preact/hooks';

/** The submitted search and how to submit a new one. */
export interface SearchBoxProps {
  value: string;
  onSearch(q: string): void;
}

/** Full-text search over the rep's inquiries; runs on Enter or the Search button. */
export function SearchBox({ value, onSearch }: SearchBoxProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <form
      class="search"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(draft);
      }}
    >
      <label for="search-q" class="visually-hidden">
        Search inquiries
      </label>
      <input
        id="search-q"
        type="search"
        name="q"
        maxLength={200}
        placeholder="Name, company, message…"
        value={draft}
        onInput={(event) => {
          const next = event.currentTarget.value;
          setDraft(next);
          // Clearing the box (its × button, or deleting everything) shows all again.
          if (next === '' && value !== '') onSearch('');
        }}
      />
      <button type="submit" class="button">
        Search
      </button>
    </form>
  );
}
