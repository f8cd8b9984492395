import { MessagePage } from '../../components/MessagePage';

// TEMPORARY: replaced by the screen itself within this change.
export function ModulePage() {
  return <MessagePage title="ModulePage" icon={null} body="Being built." homeLabel="Home" />;
}
