declare module 'text-readability' {
	const readability: {
		fleschKincaidGrade(text: string): number;
		textStandard(text: string, floatOutput: true): number;
	};
	export default readability;
}
