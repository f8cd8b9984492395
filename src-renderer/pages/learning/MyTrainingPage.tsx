import { MessagePage } from '../../components/MessagePage';

// TEMPORARY: replaced by the screen itself within this change.
export function MyTrainingPage() {
  return <MessagePage title="MyTrainingPage" icon={null} body="Being built." homeLabel="Home" />;
}
