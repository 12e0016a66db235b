import { createBrowserRouter } from 'react-router-dom';
import { routes } from './route-config';

export const createAppRouter = () => createBrowserRouter(routes);
