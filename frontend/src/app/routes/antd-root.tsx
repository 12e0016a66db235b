import { Outlet } from 'react-router-dom';
import { AntdProvider } from '../antd-provider';

/** The pathless route around every route but /login: loading it brings Ant Design's provider (see route-config). */
export function AntdRoot() {
  return (
    <AntdProvider>
      <Outlet />
    </AntdProvider>
  );
}

export { AntdRoot as Component };
