import { useOneAtATime } from '../one-at-a-time';
import { useState } from 'preact/hooks';
import type { AdminRep, AdminTeam, TeamInput } from '../../../contract/admin';
import { DISTRIBUTIONS, type Distribution } from '../../../contract/routing';
import type { AdminApi } from '../../admin-api';
import { errorAt } from '../../admin-fields';
import { errorText } from '../../api-error';
import { report } from '../../report';
import { Field } from '../field';
import { fieldsOf, FormStatus, type FormOutcome } from './form-status';

/** The site's teams, its reps, and how to reload after a change. */
export interface TeamsSectionProps {
  api: AdminApi;
  teams: AdminTeam[];
  reps: AdminRep[];
  onChanged(): void;
}

const DISTRIBUTION_LABELS: Record<Distribution, string> = {
  'round-robin': 'Round robin',
  'least-open': 'Fewest open inquiries',
};

/** The teams as a table, each with Edit and Delete, and a form to add one. */
export function TeamsSection({ api, teams, reps, onChanged }: TeamsSectionProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [alert, setAlert] = useState('');
  const current = teams.find((t) => t.id === editing) ?? null;
  const nameOf = (id: string) => reps.find((r) => r.id === id)?.name ?? 'Unknown rep';

  const remove = async (team: AdminTeam) => {
    // Deleting also drops the rules that send to the team: say so before it happens.
    if (!window.confirm(`Delete the team ${team.name}? Rules that send to it are deleted too.`))
      return;
    const result = await api.deleteTeam(team.id);
    setAlert(result.ok ? '' : errorText(result.error));
    if (!result.ok) return;
    setNotice(`${team.name} deleted.`);
    onChanged();
  };

  return (
    <>
      {teams.length === 0 ? (
        <p>No teams yet.</p>
      ) : (
        <div class="table-wrap">
          <table class="admin-table">
            <caption class="visually-hidden">Teams</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Distribution</th>
                <th scope="col">Members</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {teams.map((team) => (
                <tr key={team.id}>
                  <th scope="row">{team.name}</th>
                  <td data-label="Distribution">{DISTRIBUTION_LABELS[team.distribution]}</td>
                  <td data-label="Members">{team.memberIds.map(nameOf).join(', ') || 'Nobody'}</td>
                  <td class="row-actions">
                    <button
                      type="button"
                      class="button small"
                      aria-expanded={editing === team.id}
                      onClick={() => setEditing(editing === team.id ? null : team.id)}
                    >
                      Edit<span class="visually-hidden"> {team.name}</span>
                    </button>
                    <button
                      type="button"
                      class="button small"
                      onClick={() => remove(team).catch(report)}
                    >
                      Delete<span class="visually-hidden"> {team.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing === null && (
        <button type="button" class="button" onClick={() => setEditing('new')}>
          Add a team
        </button>
      )}
      {(editing === 'new' || current) && (
        <TeamForm
          key={editing ?? ''}
          api={api}
          team={current}
          reps={reps}
          onSaved={(team, created) => {
            setEditing(null);
            setNotice(`${team.name} ${created ? 'added' : 'saved'}.`);
            onChanged();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <p class="notice-region" role="status">
        {notice}
      </p>
      <div class="alert-region" role="alert">
        {alert && <p class="alert">{alert}</p>}
      </div>
    </>
  );
}

interface TeamFormProps {
  api: AdminApi;
  team: AdminTeam | null;
  reps: AdminRep[];
  onSaved(team: AdminTeam, created: boolean): void;
  onCancel(): void;
}

/** A team's name, distribution and members (in the order of the reps list). */
function TeamForm({ api, team, reps, onSaved, onCancel }: TeamFormProps) {
  const [name, setName] = useState(team?.name ?? '');
  const [distribution, setDistribution] = useState<Distribution>(
    team?.distribution ?? 'round-robin',
  );
  const [members, setMembers] = useState<string[]>(team?.memberIds ?? []);
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const fields = fieldsOf(outcome);
  const id = team ? `team-${team.id}` : 'team-new';

  const submit = useOneAtATime(async () => {
    const input: TeamInput = { name, distribution, memberIds: members };
    const result = team ? await api.updateTeam(team.id, input) : await api.createTeam(input);
    if (!result.ok) return setOutcome({ kind: 'failed', error: result.error });
    onSaved(result.value, team === null);
  });

  return (
    <form
      class="admin-form panel"
      aria-label={team ? `Edit ${team.name}` : 'New team'}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit().catch(report);
      }}
    >
      <h3>{team ? `Edit ${team.name}` : 'New team'}</h3>
      <div class="field-row">
        <Field id={`${id}-name`} label="Team name" error={errorAt(fields, 'name')}>
          {(aria) => (
            <input {...aria} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          )}
        </Field>
        <Field
          id={`${id}-distribution`}
          label="Distribution"
          error={errorAt(fields, 'distribution')}
        >
          {(aria) => (
            <select
              {...aria}
              value={distribution}
              onChange={(e) =>
                setDistribution(
                  DISTRIBUTIONS.find((d) => d === e.currentTarget.value) ?? 'round-robin',
                )
              }
            >
              {DISTRIBUTIONS.map((d) => (
                <option key={d} value={d}>
                  {DISTRIBUTION_LABELS[d]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset class="members">
        <legend>Members</legend>
        {reps.map((rep) => (
          <div class="check" key={rep.id}>
            <input
              id={`${id}-member-${rep.id}`}
              type="checkbox"
              checked={members.includes(rep.id)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                // Keep the reps list's order: it is the round-robin order.
                setMembers(
                  reps
                    .map((r) => r.id)
                    .filter((rid) => (rid === rep.id ? on : members.includes(rid))),
                );
              }}
            />
            <label for={`${id}-member-${rep.id}`}>{rep.name}</label>
          </div>
        ))}
        {errorAt(fields, 'memberIds', 'Member') && (
          <p class="field-error">{errorAt(fields, 'memberIds', 'Member')}</p>
        )}
      </fieldset>
      <div class="actions">
        <button type="submit" class="button primary">
          {team ? 'Save team' : 'Add team'}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <FormStatus outcome={outcome} />
    </form>
  );
}
