import { MessagePage } from '../../components/MessagePage';

// TEMPORARY: replaced by the screen itself within this change.
export function QuizResultPage() {
  return <MessagePage title="QuizResultPage" icon={null} body="Being built." homeLabel="Home" />;
}
