/** The notification bell and the notifications page. */
export const notifications = {
  title: 'Notifications',
  bell_zero: 'Notifications, none unread',
  bell_one: 'Notifications, {{count}} unread',
  bell_other: 'Notifications, {{count}} unread',
  list: 'All notifications',
  empty: 'No notifications yet.',
  unread: 'Unread',
  markRead: 'Mark as read',
  markReadLabel: 'Mark as read: {{title}}',
  markAllRead: 'Mark all as read',
  open: 'Open',
  openLabel: 'Open: {{title}}',
  onlyUnread: 'Only unread',
};
