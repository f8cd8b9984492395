import { MessagePage } from '../../components/MessagePage';

// TEMPORARY: replaced by the screen itself within this change.
export function QuizAttemptPage() {
  return <MessagePage title="QuizAttemptPage" icon={null} body="Being built." homeLabel="Home" />;
}
