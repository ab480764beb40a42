import { WEEKDAYS, type Weekday } from '../../../contract/routing';
import type { DayTexts } from '../../admin-hours';
import { Field } from '../field';

/** The editor's value: whether hours are set at all, their timezone, and each day's text. */
export interface HoursDraft {
  enabled: boolean;
  timezone: string;
  days: DayTexts;
}

/** The hours, how to change them, and the messages per weekday and for the timezone. */
export interface HoursEditorProps {
  id: string;
  value: HoursDraft;
  onChange(value: HoursDraft): void;
  dayErrors: Partial<Record<Weekday, string>>;
  timezoneError?: string | undefined;
}

const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

// Every IANA zone the browser knows, for the timezone field's suggestions; built once.
let zones: string[] | null = null;
const timeZones = () =>
  (zones ??=
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);

/** Weekly working hours: a timezone and, per weekday, periods such as "09:00-12:00, 13:00-18:00". */
export function HoursEditor({ id, value, onChange, dayErrors, timezoneError }: HoursEditorProps) {
  const set = (patch: Partial<HoursDraft>) => onChange({ ...value, ...patch });
  return (
    <fieldset class="hours">
      <legend>Working hours</legend>
      <div class="check">
        <input
          id={`${id}-enabled`}
          type="checkbox"
          checked={value.enabled}
          onChange={(e) => set({ enabled: e.currentTarget.checked })}
        />
        <label for={`${id}-enabled`}>Set working hours (otherwise always on duty)</label>
      </div>
      {value.enabled && (
        <>
          <Field
            id={`${id}-timezone`}
            label="Timezone"
            hint="An IANA name, e.g. Asia/Shanghai."
            error={timezoneError}
          >
            {(aria) => (
              <>
                <input
                  {...aria}
                  list={`${id}-zones`}
                  autoComplete="off"
                  value={value.timezone}
                  onInput={(e) => set({ timezone: e.currentTarget.value })}
                />
                <datalist id={`${id}-zones`}>
                  {timeZones().map((zone) => (
                    <option key={zone} value={zone} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <p class="hint" id={`${id}-days-hint`}>
            Periods separated by commas, e.g. 09:00-12:00, 13:00-18:00. Leave a day empty for a day
            off.
          </p>
          <div class="days">
            {WEEKDAYS.map((day) => (
              <Field key={day} id={`${id}-${day}`} label={DAY_NAMES[day]} error={dayErrors[day]}>
                {(aria) => (
                  <input
                    {...aria}
                    aria-describedby={[aria['aria-describedby'], `${id}-days-hint`]
                      .filter(Boolean)
                      .join(' ')}
                    value={value.days[day]}
                    onInput={(e) => set({ days: { ...value.days, [day]: e.currentTarget.value } })}
                  />
                )}
              </Field>
            ))}
          </div>
        </>
      )}
    </fieldset>
  );
}
