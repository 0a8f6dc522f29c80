import { defineWebConfig } from '../../../libs/ui/vite/define-web-config';

export default defineWebConfig('admin');
