import type { AdminRep, AdminTeam } from '../../../contract/admin';

/** The teams and reps a select can send to, valued "team:ID" and "rep:ID". */
export function TargetOptions({ reps, teams }: { reps: AdminRep[]; teams: AdminTeam[] }) {
  return (
    <>
      {teams.length > 0 && (
        <optgroup label="Teams">
          {teams.map((t) => (
            <option key={t.id} value={`team:${t.id}`}>
              {t.name}
            </option>
          ))}
        </optgroup>
      )}
      <optgroup label="Reps">
        {reps.map((r) => (
          <option key={r.id} value={`rep:${r.id}`}>
            {r.active ? r.name : `${r.name} (inactive)`}
          </option>
        ))}
      </optgroup>
    </>
  );
}
