import { MessagePage } from '../../components/MessagePage';

// TEMPORARY: replaced by the screen itself within this change.
export function QualificationsPage() {
  return <MessagePage title="QualificationsPage" icon={null} body="Being built." homeLabel="Home" />;
}
