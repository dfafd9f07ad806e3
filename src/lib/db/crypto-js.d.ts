/** The one piece of crypto-js used directly: OpenSSL's key derivation, which RxDB's stored format needs. */
declare module 'crypto-js' {
	interface WordArray {
		words: number[];
		sigBytes: number;
	}
	const CryptoJS: {
		lib: { WordArray: { create(words: number[], sigBytes: number): WordArray } };
		kdf: { OpenSSL: { execute(password: string, keyWords: number, ivWords: number, salt: WordArray): { key: WordArray; iv: WordArray } } };
	};
	export default CryptoJS;
}
