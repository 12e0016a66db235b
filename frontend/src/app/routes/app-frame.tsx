import { NotificationBell } from '@/features/notifications/notification-bell';
import { SearchBox } from '@/features/search/components/search-box';
import { AppLayout } from '@/features/shell/components/app-layout';

/** The signed-in frame (shell) with the search box and the notification bell in its header: app composes the features. */
export function AppFrame() {
  return (
    <AppLayout
      headerExtra={
        <>
          <SearchBox />
          <NotificationBell />
        </>
      }
    />
  );
}

export { AppFrame as Component };
