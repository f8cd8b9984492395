/** English strings for the learning screens. */
export const enLearning = {
  learningScreens: {},
};
