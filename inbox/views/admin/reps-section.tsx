import { useState } from 'preact/hooks';
import type { AdminRep } from '../../../contract/admin';
import type { AdminApi } from '../../admin-api';
import { RepForm } from './rep-form';

/** The site's reps and how to reload them after a change. */
export interface RepsSectionProps {
  api: AdminApi;
  reps: AdminRep[];
  onChanged(): void;
}

const hoursText = (rep: AdminRep) =>
  rep.profile.hours ? `Set (${rep.profile.hours.timezone})` : 'Always on duty';

/** The reps as a table, each with Edit, and a form to add one. */
export function RepsSection({ api, reps, onChanged }: RepsSectionProps) {
  // null: no form; 'new': adding; otherwise the id of the rep being edited.
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const current = reps.find((r) => r.id === editing) ?? null;

  return (
    <>
      <div class="table-wrap">
        <table class="admin-table">
          <caption class="visually-hidden">Reps</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Hours</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {reps.map((rep) => (
              <tr key={rep.id}>
                <th scope="row">
                  {rep.name}
                  {rep.title && <span class="sub">{rep.title}</span>}
                </th>
                <td class="wrap" data-label="Email">
                  {rep.email}
                </td>
                <td data-label="Role">{rep.role === 'admin' ? 'Admin' : 'Rep'}</td>
                <td data-label="Status">
                  {!rep.active ? 'Inactive' : rep.profile.away ? 'Away' : 'Active'}
                </td>
                <td data-label="Hours">{hoursText(rep)}</td>
                <td>
                  <button
                    type="button"
                    class="button small"
                    aria-expanded={editing === rep.id}
                    onClick={() => setEditing(editing === rep.id ? null : rep.id)}
                  >
                    Edit<span class="visually-hidden"> {rep.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing === null && (
        <button type="button" class="button" onClick={() => setEditing('new')}>
          Add a rep
        </button>
      )}
      {(editing === 'new' || current) && (
        <RepForm
          key={editing ?? ''}
          api={api}
          rep={current}
          onSaved={(rep, created) => {
            setEditing(null);
            setNotice(`${rep.name} ${created ? 'added' : 'saved'}.`);
            onChanged();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <p class="notice-region" role="status">
        {notice}
      </p>
    </>
  );
}
