import { shell } from '../shell.js';

await shell();
document.getElementById('retry')?.addEventListener('click', () => location.reload());
