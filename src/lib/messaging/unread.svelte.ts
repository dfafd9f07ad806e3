/** The unread count the home screen and the app badge show, kept by MessageWatcher while a profile is unlocked. */
class UnreadMessages {
	count = $state(0);
}

export const unreadMessages = new UnreadMessages();
