import type { notifications as en } from '../en/notifications';

/** Die Benachrichtigungsglocke und die Benachrichtigungsseite. */
export const notifications: typeof en = {
  title: 'Benachrichtigungen',
  bell_zero: 'Benachrichtigungen, keine ungelesen',
  bell_one: 'Benachrichtigungen, {{count}} ungelesen',
  bell_other: 'Benachrichtigungen, {{count}} ungelesen',
  list: 'Alle Benachrichtigungen',
  empty: 'Noch keine Benachrichtigungen.',
  unread: 'Ungelesen',
  markRead: 'Als gelesen markieren',
  markReadLabel: 'Als gelesen markieren: {{title}}',
  markAllRead: 'Alle als gelesen markieren',
  open: 'Öffnen',
  openLabel: 'Öffnen: {{title}}',
  onlyUnread: 'Nur ungelesene',
};
