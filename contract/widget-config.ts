/** What the widget needs to render: `GET /api/v1/sites/{siteKey}/widget-config`. */
export interface WidgetConfig {
  site: { name: string };
  rep: RepCard | null;
}

/** The rep shown on the "Online Service" card. */
export interface RepCard {
  handle: string;
  name: string;
  title: string | null;
  photoUrl: string | null;
  available: boolean;
}
