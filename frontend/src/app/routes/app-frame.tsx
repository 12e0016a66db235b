import { NotificationBell } from '@/features/notifications/notification-bell';
import { AppLayout } from '@/features/shell/components/app-layout';

/** The signed-in frame (shell) with the notification bell in its header: app composes the two features. */
export function AppFrame() {
  return <AppLayout headerExtra={<NotificationBell />} />;
}

export { AppFrame as Component };
