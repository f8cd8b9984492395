import { MessagePage } from '../../components/MessagePage';

// TEMPORARY: replaced by the screen itself within this change.
export function BrowsePage() {
  return <MessagePage title="BrowsePage" icon={null} body="Being built." homeLabel="Home" />;
}
