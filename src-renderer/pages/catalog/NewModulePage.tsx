import { MessagePage } from '../../components/MessagePage';

// TEMPORARY: replaced by the screen itself within this change.
export function NewModulePage() {
  return <MessagePage title="NewModulePage" icon={null} body="Being built." homeLabel="Home" />;
}
